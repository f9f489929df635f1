"""An article's content as plain data: what a revision holds, and two
of them compared."""

import pytest

from articles.revisions import article_snapshot, compare, fingerprint
from articles.services import article_revision_create
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


def test_a_revision_holds_bylines_tags_and_related_links():
    first, second = make_author(name="Léa"), make_author(name="Marc")
    target = make_article(title="Article lié")
    article = make_article(authors=[second, first], tags=["Europe", "Budget"])
    article.related_links.create(target=target, position=0)
    article.related_links.create(url="https://example.org/", title="Source", position=1)
    content = article_revision_create(article=article, user=None).content
    assert [b["name"] for b in content["bylines"]] == ["Marc", "Léa"]
    assert content["tags"] == ["Budget", "Europe"]
    assert [(link["target"], link["url"]) for link in content["related_links"]] == [
        (target.pk, ""),
        (None, "https://example.org/"),
    ]


def test_compare_lists_only_the_fields_that_changed():
    article = make_article(title="Avant", standfirst="Même chapô")
    old = article_snapshot(article)
    article.title = "Après"
    article.save()
    assert [change.name for change in compare(old, article_snapshot(article))] == [
        "title"
    ]


def test_compare_marks_words_removed_and_added_in_the_body():
    article = make_article(body="<p>Le maire a démissionné hier.</p>")
    old = article_snapshot(article)
    article.body = "<p>Le maire a démissionné lundi.</p>"
    article.save()
    (change,) = compare(old, article_snapshot(article))
    assert ("delete", "hier.") in change.chunks
    assert ("insert", "lundi.") in change.chunks


def test_a_revision_holds_the_search_and_social_texts():
    article = make_article(seo_title="Pour Google", seo_description="Résumé.")
    content = article_snapshot(article)
    assert (
        content["seo_title"],
        content["social_title"],
        content["seo_description"],
    ) == (
        "Pour Google",
        "",
        "Résumé.",
    )


def test_content_stored_before_the_seo_fields_keeps_its_fingerprint():
    content = article_snapshot(make_article())
    older = {
        name: value
        for name, value in content.items()
        if name not in ("seo_title", "social_title", "seo_description")
    }
    assert fingerprint(older) == fingerprint(content)


def test_a_changed_search_title_changes_the_fingerprint():
    article = make_article()
    before = fingerprint(article_snapshot(article))
    article.seo_title = "Nouveau titre pour Google"
    assert fingerprint(article_snapshot(article)) != before


def test_compare_lists_a_changed_search_title():
    article = make_article()
    old = article_snapshot(article)
    article.seo_title = "Pour Google"
    changes = compare(old, article_snapshot(article))
    assert [change.label for change in changes] == [
        "titre pour les moteurs de recherche"
    ]


def test_an_old_revision_without_seo_texts_shows_the_current_ones():
    article = make_article(seo_title="Actuel")
    article.show_content({"title": "Ancien titre"})
    assert (article.title, article.seo_title) == ("Ancien titre", "Actuel")
