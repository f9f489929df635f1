"""The SQLite search index (website/search_sqlite.py and the triggers of
migration website 0001) follows every kind of write."""

import pytest
from django.db import connection

from articles.models import Article
from tests.factories import make_article, make_author, make_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 index"),
]


def indexed(article):
    """The article's rubrique and authors in the SQLite index, or None."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT section, authors FROM website_search_names WHERE rowid = %s",
            [article.pk],
        )
        return cursor.fetchone()


def test_a_deleted_article_leaves_the_index():
    article = make_article(title="Budget supprimé", authors=[make_author()])
    article.delete()
    assert indexed(article) is None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM website_search WHERE website_search MATCH 'supprime'"
        )
        assert cursor.fetchone() == (0,)


def test_the_text_index_matches_the_articles_after_every_kind_of_write():
    """FTS5 compares its index with the text it reads from the articles: an
    edit that gave it the wrong old values would have corrupted it."""
    edited, deleted = make_article(), make_article(body="<p>Un <em>texte</em>.</p>")
    edited.body = "<p>Un autre texte &amp; plus.</p>"
    edited.save()
    Article.objects.filter(pk=edited.pk).update(title="Nouveau titre")
    deleted.delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO website_search(website_search, rank)"
            " VALUES ('integrity-check', 1)"
        )


def test_the_index_follows_a_renamed_rubrique_and_author():
    section, author = make_section(name="Sport"), make_author(name="Hugo Marchetti")
    article = make_article(title="Match nul", section=section, authors=[author])
    section.name = "Sports d’hiver"
    section.save()
    author.name = "Hugo Marchetti-Leroy"
    author.save()
    assert indexed(article) == ("Sports d’hiver", "Hugo Marchetti-Leroy")


def test_the_index_follows_bylines_added_and_removed():
    first, second = make_author(name="Inès Benali"), make_author(name="Hugo Marchetti")
    article = make_article(title="Match nul", authors=[first])
    article.authors.add(second, through_defaults={"position": 1})
    article.authors.remove(first)
    assert indexed(article)[1] == "Hugo Marchetti"
