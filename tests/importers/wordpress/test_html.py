"""WordPress HTML reshaped into what our article body can hold."""

import pytest

from importers.wordpress.content import convert_body
from tests.importers.wordpress.conftest import article, with_images


def test_headings_are_brought_to_our_two_levels():
    assert convert_body("<h1>A</h1><h4>B</h4><h6>C</h6>") == (
        "<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>"
    )


def test_youtube_iframe_becomes_a_link_and_other_iframes_go():
    body = convert_body(
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
        '<iframe src="https://pub.example.com/x"></iframe>'
    )
    assert body == (
        '<p><a href="https://www.youtube.com/embed/abc" rel="noopener noreferrer">'
        "Voir la vidéo sur YouTube</a></p>"
    )


def test_in_page_anchor_links_are_unwrapped():
    assert convert_body('Voir <a href="#note">la note</a>.') == "<p>Voir la note.</p>"


def test_gallery_block_leaves_no_orphan_caption():
    body = convert_body(
        '<figure class="wp-block-gallery"><figure><img src="a.jpg">'
        "<figcaption>Une</figcaption></figure><figcaption>Tout</figcaption></figure>"
    )
    assert body == ""


def test_an_image_in_a_table_cell_follows_its_row():
    assert (
        with_images(
            '<table><tr><td>Lundi</td><td><img class="wp-image-7"></td></tr></table>'
        )
        == '<p>Lundi</p>\n<figure data-image-id="7"></figure>'
    )


def test_a_gallery_keeps_its_caption_when_some_of_its_images_remain():
    assert (
        with_images(
            '<figure class="wp-block-gallery"><figure><img class="wp-image-7"></figure>'
            '<figure><img src="x.jpg"><figcaption>Perdue</figcaption></figure>'
            "<figcaption>Tout</figcaption></figure>"
        )
        == '<figure data-image-id="7"></figure>\n<p>Tout</p>'
    )


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_nested_lists_are_kept(run_import):
    run_import("newsroom.xml")
    body = article(101).body
    assert "<li>la fin du bouclier tarifaire :\n<ol><li>en février" in body


@pytest.mark.django_db
def test_table_becomes_one_paragraph_per_row(run_import):
    run_import("newsroom.xml")
    assert "<p>Ifop | 34&nbsp;%</p>" in article(102).body


@pytest.mark.django_db
def test_preformatted_text_keeps_its_lines(run_import):
    run_import("newsroom.xml")
    assert "<p>ligne 1<br>ligne 2</p>" in article(109).body
