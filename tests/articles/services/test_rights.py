"""Who may see and edit which article."""

import pytest

from articles.models import Article
from articles.services.rights import (
    can_edit,
    can_submit,
    can_view,
    content_seen_by,
    hidden_article_pks,
    visible_articles,
)
from tests.factories import make_article, make_draft, make_journalist, make_user

pytestmark = pytest.mark.django_db


def test_a_journalist_edits_their_article_until_it_is_scheduled(journalist):
    article = make_draft(created_by=journalist)
    assert can_edit(journalist, article)
    article.status = Article.Status.SCHEDULED
    assert not can_edit(journalist, article)
    assert can_view(journalist, article)


def test_signing_an_article_makes_it_the_journalists_own(journalist):
    article = make_draft(created_by=make_journalist())
    assert not can_view(journalist, article)
    article.bylines.create(author=journalist.author)
    assert (can_view(journalist, article), can_edit(journalist, article)) == (
        True,
        True,
    )


def test_an_editor_sees_edits_and_submits_every_article(editor):
    article = make_article(created_by=make_journalist())
    assert can_view(editor, article)
    assert can_edit(editor, article)
    assert can_submit(editor, article)


def test_staff_without_a_role_see_not_even_their_own_article():
    user = make_user()
    article = make_draft(created_by=user)
    assert not can_view(user, article)
    assert not can_edit(user, article)


def test_a_journalist_sees_their_own_articles_and_what_readers_see(journalist):
    own = make_draft(created_by=journalist)
    published = make_article()
    make_draft(created_by=make_journalist())
    assert set(visible_articles(journalist)) == {own, published}


def test_an_editor_sees_every_article(editor):
    others = make_draft(created_by=make_journalist())
    assert others in visible_articles(editor)
    assert hidden_article_pks(editor, {others.pk}) == set()


def test_hidden_article_pks_names_what_a_journalist_may_not_see(journalist):
    others = make_draft(created_by=make_journalist())
    published = make_article()
    assert hidden_article_pks(journalist, {others.pk, published.pk, None}) == {
        others.pk
    }


def test_a_snapshot_seen_by_a_journalist_names_no_hidden_linked_article(journalist):
    others = make_draft(created_by=make_journalist(), title="Secret")
    published = make_article(title="En ligne")
    content = {
        "related_links": [
            {"target": others.pk, "target_title": "Secret", "url": "", "title": ""},
            {
                "target": published.pk,
                "target_title": "En ligne",
                "url": "",
                "title": "",
            },
        ]
    }
    seen = content_seen_by(journalist, content)
    assert [link["target_title"] for link in seen["related_links"]] == [
        "Article non publié",
        "En ligne",
    ]
