"""WordPress authors → our authors and an article's byline."""

import pytest

from articles.models import Article, Author
from tests.importers.wordpress.conftest import article

pytestmark = pytest.mark.django_db


def test_authors_get_their_display_name_and_bio(run_import):
    run_import("newsroom.xml")
    author = Author.objects.get(slug="jeanne-dupont")
    assert (author.name, author.bio) == (
        "Jeanne Dupont",
        "Cheffe du service politique.",
    )
    assert list(article(101).authors.all()) == [author]


def test_co_authors_keep_their_byline_order(run_import):
    run_import("newsroom.xml")
    bylines = article(115).bylines.select_related("author")
    assert [b.author.slug for b in bylines] == ["marc-le-roy", "jeanne-dupont"]


def test_author_address_is_made_from_the_display_name_not_the_login(run_import):
    run_import("fidelity.xml")
    assert set(Author.objects.values_list("slug", flat=True)) == {
        "helene-garcon",
        "claire-gatay",
        "claire-gatay-2",
    }


def test_two_people_with_the_same_name_keep_their_own_address_on_reimport(
    run_import,
):
    run_import("fidelity.xml")
    run_import("fidelity.xml")
    assert Author.objects.count() == 3
    assert [
        b.author.slug
        for b in Article.objects.get(external_guid__endswith="?p=4").bylines.all()
    ] == ["claire-gatay-2"]
