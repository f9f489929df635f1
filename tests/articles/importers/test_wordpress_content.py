"""Content conversion: wpautop, shortcodes, blocks, HTML reshaping."""

import re
from collections import Counter

import pytest

from importers.wordpress.autop import shortcode_unautop, wpautop
from importers.wordpress.blocks import parse_blocks
from importers.wordpress.content import convert_body, plain_text
from importers.wordpress.html import Node
from importers.wordpress.shortcodes import do_shortcode, parse_attributes

# -- wpautop: the cases of WordPress's own test suite that matter to us ---------


def test_wpautop_makes_a_paragraph_per_blank_line():
    assert wpautop("Un\n\nDeux") == "<p>Un</p>\n<p>Deux</p>\n"


def test_wpautop_turns_a_single_newline_into_a_line_break():
    assert wpautop("Un\nDeux") == "<p>Un<br />\nDeux</p>\n"


def test_wpautop_leaves_block_elements_unwrapped():
    assert wpautop("<div>bloc</div>\ntexte") == "<div>bloc</div>\n<p>texte</p>\n"


def test_wpautop_does_not_touch_preformatted_text():
    assert wpautop("<pre>a\n\nb</pre>\n\nc") == "<pre>a\n\nb</pre>\n<p>c</p>\n"


def test_wpautop_keeps_newlines_inside_a_tag():
    assert wpautop('<a\nhref="/x">lien</a>') == '<p><a\nhref="/x">lien</a></p>\n'


def test_wpautop_puts_paragraphs_inside_a_blockquote():
    assert wpautop("<blockquote>Un\n\nDeux</blockquote>") == (
        "<blockquote><p>Un</p>\n<p>Deux</p></blockquote>\n"
    )


def test_wpautop_does_not_treat_a_no_break_space_as_whitespace():
    assert wpautop("a\n\n\u00a0\n\nb") == "<p>a</p>\n<p>\u00a0</p>\n<p>b</p>\n"


def test_wpautop_turns_two_line_breaks_into_a_new_paragraph():
    assert wpautop("Un<br><br>Deux") == "<p>Un</p>\n<p>Deux</p>\n"


def test_wpautop_of_blank_text_is_empty():
    assert wpautop(" \n\t ") == ""


def test_shortcode_unautop_unwraps_a_standalone_shortcode():
    text = wpautop('[caption id="1"]<img src="a.jpg"> Légende[/caption]\n\nSuite')
    assert shortcode_unautop(text, {"caption"}).startswith('[caption id="1"]')


# -- shortcodes ---------------------------------------------------------------------


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


# -- blocks --------------------------------------------------------------------------


def test_blocks_are_parsed_with_their_nesting_and_attributes():
    blocks = parse_blocks(
        '<!-- wp:group {"layout":{"type":"flex"}} --><div><!-- wp:paragraph -->'
        "<p>x</p><!-- /wp:paragraph --></div><!-- /wp:group -->"
        '<!-- wp:latest-posts {"postsToShow":3} /-->'
    )
    group, latest = blocks
    assert (group.name, group.attrs) == ("core/group", {"layout": {"type": "flex"}})
    assert group.content[1].name == "core/paragraph"
    assert (latest.name, latest.content) == ("core/latest-posts", [])


def test_freeform_content_between_blocks_gets_paragraphs():
    body = convert_body(
        "<!-- wp:paragraph --><p>Bloc</p><!-- /wp:paragraph -->\n\nLibre\n\nEncore"
    )
    assert body == "<p>Bloc</p>\n<p>Libre</p>\n<p>Encore</p>"


def test_dynamic_blocks_are_dropped():
    assert convert_body("<!-- wp:archives /--><!-- wp:search /-->") == ""


# -- reshaping to our elements ---------------------------------------------------------


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


def test_loose_text_in_a_div_becomes_a_paragraph():
    assert convert_body("<div>Texte <em>libre</em></div>") == (
        "<p>Texte <em>libre</em></p>"
    )


def test_conversion_notes_what_was_changed():
    notes = Counter()
    convert_body("<table><tr><td>a</td></tr></table><img src='x.jpg'>", notes=notes)
    assert notes["tableau mis en paragraphes"] == 1
    assert notes["image dans le texte retirée"] == 1


def test_plain_text_strips_markup_and_decodes_entities_but_keeps_no_break_spaces():
    assert plain_text("<p>Le «&nbsp;chapô&nbsp;» &amp;\n<em>la suite</em></p>") == (
        "Le «\u00a0chapô\u00a0» & la suite"
    )


def keep_images(attrs):
    """An image policy keeping every <img> named ``wp-image-<n>`` as image n."""
    found = re.search(r"wp-image-([0-9]+)", attrs.get("class", ""))
    return [Node("figure", {"data-image-id": found.group(1)})] if found else []


def with_images(html):
    return convert_body(html, on_image=keep_images)


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


def test_an_image_in_a_table_cell_follows_its_row():
    assert (
        with_images(
            '<table><tr><td>Lundi</td><td><img class="wp-image-7"></td></tr></table>'
        )
        == '<p>Lundi</p>\n<figure data-image-id="7"></figure>'
    )


def test_an_image_in_a_heading_is_lifted_after_it():
    assert with_images('<h2>Titre <img class="wp-image-7"></h2>') == (
        '<h2>Titre</h2>\n<figure data-image-id="7"></figure>'
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
