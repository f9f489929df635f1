"""Shortcodes expanded once, at import."""

from collections import Counter

import pytest

from importers.wordpress.content import convert_body
from importers.wordpress.shortcodes import do_shortcode, parse_attributes
from tests.importers.wordpress.conftest import article, keep_images, with_images


def test_shortcode_attributes_are_parsed_like_wordpress():
    assert parse_attributes('id="12" align=left title=\'Le titre\' "libre"') == {
        "id": "12",
        "align": "left",
        "title": "Le titre",
        "0": "libre",
    }


def test_caption_shortcode_becomes_a_figure():
    html = do_shortcode(
        '[caption id="a"]<img src="x.jpg"> Le pont[/caption]', Counter()
    )
    assert html == '<figure><img src="x.jpg"><figcaption>Le pont</figcaption></figure>'


def test_bracketed_text_that_is_not_a_shortcode_stays():
    assert do_shortcode("Il a dit [sic] et […] puis [1].", Counter()) == (
        "Il a dit [sic] et […] puis [1]."
    )


def test_unknown_enclosing_shortcode_keeps_its_text():
    assert do_shortcode("[note type=info]À savoir[/note]", Counter()) == "À savoir"


def test_unknown_shortcode_with_attributes_is_removed():
    assert do_shortcode('Avant [form id="3"] après', Counter()) == "Avant  après"


def test_escaped_shortcode_is_shown_literally():
    assert do_shortcode("[[gallery]]", Counter()) == "[gallery]"


@pytest.mark.parametrize(
    ("shortcode", "url"),
    [
        ("[youtube https://youtu.be/abc]", "https://youtu.be/abc"),
        (
            "[youtube=https://www.youtube.com/watch?v=abc]",
            "https://www.youtube.com/watch?v=abc",
        ),
        ("[vimeo 12345]", "https://vimeo.com/12345"),
        ("[embed]https://vimeo.com/1[/embed]", "https://vimeo.com/1"),
    ],
)
def test_embed_shortcodes_become_links(shortcode, url):
    assert f'<a href="{url}">' in do_shortcode(shortcode, Counter())


def test_a_caption_shortcode_keeps_its_caption_on_its_image():
    assert (
        with_images(
            '[caption id="attachment_7"]<img class="wp-image-7"> Le pont[/caption]'
        )
        == '<figure data-image-id="7"><figcaption>Le pont</figcaption></figure>'
    )


def test_a_gallery_shortcode_lists_its_ids_as_images():
    assert with_images('[gallery ids="7, 8"]') == (
        '<figure data-image-id="7"></figure>\n<figure data-image-id="8"></figure>'
    )


def test_a_gallery_shortcode_asks_which_images_it_shows():
    body = convert_body(
        "[gallery]", on_image=keep_images, gallery=lambda attributes: [9]
    )
    assert body == '<figure data-image-id="9"></figure>'


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_shortcodes_and_edge_cases_of_classic_content(run_import):
    run_import("newsroom.xml")
    body = article(109).body
    assert (
        "<p>La fête appartient aux Lyonnais.</p>" in body
    )  # unknown enclosing shortcode
    assert "contact-form" not in body
    assert "gallery" not in body
    assert "[sic]" in body
    assert "[…]" in body
    assert "<p>[caption] s’écrit entre doubles crochets.</p>" in body
    assert "Voir la publication sur X (Twitter)" in body  # URL alone on its line


@pytest.mark.parametrize("name", ["code", "bash", "sourcecode"])
def test_code_shortcodes_become_code_blocks_without_paragraphs(name):
    body = convert_body(f'[{name} lang="py"]if a < b:\n\n    go()[/{name}]\n\nFin.')
    assert body == "<pre><code>if a &lt; b:\n\n    go()</code></pre>\n<p>Fin.</p>"


def test_code_written_in_the_visual_editor_is_not_escaped_twice():
    assert convert_body("[code]a &lt; b &amp;&amp; c[/code]") == (
        "<pre><code>a &lt; b &amp;&amp; c</code></pre>"
    )
