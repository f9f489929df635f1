"""WordPress authors → our authors and an article's byline."""

import pytest

from articles.models import Author
from tests.importers.wordpress.conftest import article

pytestmark = pytest.mark.django_db


def test_authors_get_their_display_name_bio_and_a_slug_from_their_login(run_import):
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
    assert [b.author.slug for b in bylines] == ["mleroy", "jeanne-dupont"]
