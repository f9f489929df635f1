"""Loose content gathered into paragraphs, empty ones dropped, library
images lifted out of the blocks around them."""

import pytest

from importers.wordpress.content import convert_body
from tests.importers.wordpress.conftest import article, with_images


def test_loose_text_in_a_div_becomes_a_paragraph():
    assert convert_body("<div>Texte <em>libre</em></div>") == (
        "<p>Texte <em>libre</em></p>"
    )


def test_an_image_in_a_list_item_splits_the_list_around_it():
    assert with_images(
        '<ul><li>un</li><li>deux <img class="wp-image-7"></li><li>trois</li></ul>'
    ) == (
        '<ul><li>un</li>\n<li>deux</li></ul>\n<figure data-image-id="7"></figure>\n'
        "<ul><li>trois</li></ul>"
    )


def test_an_image_in_a_link_is_lifted_out_and_the_empty_link_goes():
    assert with_images(
        '<p><a href="https://a.fr/x"><img class="wp-image-7"></a></p>'
    ) == ('<figure data-image-id="7"></figure>')


def test_an_image_in_a_heading_is_lifted_after_it():
    assert with_images('<h2>Titre <img class="wp-image-7"></h2>') == (
        '<h2>Titre</h2>\n<figure data-image-id="7"></figure>'
    )


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_empty_paragraphs_are_dropped(run_import):
    run_import("newsroom.xml")
    assert not article(109).body.endswith("<p>&nbsp;</p>")
