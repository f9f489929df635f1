"""WordPress HTML reshaped into what our article body can hold."""

import pytest

from importers.wordpress.content import convert_body
from tests.importers.wordpress.conformance import body_errors
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


def test_an_image_in_a_table_cell_follows_the_table():
    assert with_images(
        '<table><tr><td>Lundi</td><td><img class="wp-image-7"></td></tr></table>'
    ) == (
        "<table><tbody><tr><td>Lundi</td><td></td></tr></tbody></table>\n"
        '<figure data-image-id="7"></figure>'
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


def test_headings_follow_each_other_without_skipping_a_level():
    assert convert_body("<h1>A</h1><p>x</p><h3>B</h3><h1>C</h1>") == (
        "<h2>A</h2>\n<p>x</p>\n<h3>B</h3>\n<h2>C</h2>"
    )


def test_a_lone_deep_heading_becomes_the_first_level():
    assert convert_body("<h3>A</h3><p>x</p><h4>B</h4>") == (
        "<h2>A</h2>\n<p>x</p>\n<h3>B</h3>"
    )


def test_text_and_line_breaks_directly_in_a_list_become_an_item():
    assert convert_body("<ol>Libre<br><li>un</li><br></ol>") == (
        "<ol><li>Libre</li>\n<li>un</li></ol>"
    )


def test_a_paragraph_in_a_list_becomes_an_item():
    assert convert_body("<ul><p>un</p><li>deux</li></ul>") == (
        "<ul><li>un</li>\n<li>deux</li></ul>"
    )


def test_a_list_directly_in_a_list_moves_into_the_item_before_it():
    assert convert_body("<ul><li>un</li><ul><li>sous</li></ul></ul>") == (
        "<ul><li>un<ul><li>sous</li></ul></li></ul>"
    )


def test_list_items_outside_a_list_are_gathered_into_one():
    assert convert_body("<li>un</li><li>deux</li><p>après</p>") == (
        "<ul><li>un</li>\n<li>deux</li></ul>\n<p>après</p>"
    )


def test_dropped_images_leave_no_line_break_gap():
    body = convert_body(
        '<p>Texte<br><img src="a.jpg"><br><img src="b.jpg"><br>suite</p>'
    )
    assert body == "<p>Texte<br>suite</p>"


def test_a_dropped_image_leaves_no_empty_paragraph_or_link():
    body = convert_body(
        '<p><a href="https://x.fr/a.jpg"><img src="a.jpg"></a><br><br></p>'
        '<p>Avant<br><a href="https://x.fr/"><img src="b.jpg"></a></p>'
    )
    assert body == "<p>Avant</p>"


def test_a_table_of_dropped_images_goes_entirely():
    assert convert_body('<table><tr><td><img src="a.jpg"></td></tr></table>') == ""


def test_a_table_keeps_its_caption_and_gets_even_rows():
    assert convert_body(
        "<table><caption>Sondage</caption><tr><th>Institut</th><th>Score</th></tr>"
        "<tr><th>Ifop</th><td>34</td><td>note</td></tr></table>"
    ) == (
        "<table><caption>Sondage</caption><thead><tr>"
        '<th scope="col">Institut</th><th scope="col">Score</th><td></td>'
        '</tr></thead><tbody><tr><th scope="row">Ifop</th><td>34</td><td>note</td>'
        "</tr></tbody></table>"
    )


def test_a_code_block_stays_code_with_its_indentation():
    assert convert_body(
        '<pre class="wp-block-code"><code>if a &lt; b:\n    go()</code></pre>'
    ) == ("<pre><code>if a &lt; b:\n    go()</code></pre>")


def test_inline_code_and_keyboard_keys_are_kept_as_code():
    assert convert_body("<p>Tapez <kbd>q</kbd> ou <code>exit()</code></p>") == (
        "<p>Tapez <code>q</code> ou <code>exit()</code></p>"
    )


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_nested_lists_are_kept(run_import):
    run_import("newsroom.xml")
    body = article(101).body
    assert "<li>la fin du bouclier tarifaire :\n<ol><li>en février" in body


@pytest.mark.django_db
def test_table_is_kept_with_its_header_cells(run_import):
    run_import("newsroom.xml")
    assert (
        '<table><thead><tr><th scope="col">Institut</th><th scope="col">Liste A</th>'
        "</tr></thead><tbody><tr><td>Ifop</td><td>34&nbsp;%</td></tr>"
    ) in article(102).body


@pytest.mark.django_db
def test_preformatted_text_keeps_its_lines(run_import):
    run_import("newsroom.xml")
    assert "<pre>ligne 1\nligne 2</pre>" in article(109).body


def test_repaired_bodies_pass_the_html5_check():
    body = convert_body(
        "<h3>A</h3><ol>Libre<br><li>un</li></ol><ul><p>x</p><ul><li>y</li></ul></ul>"
        '<p>Texte<br><img src="a.jpg"><br></p>'
        "<table><tr><th>a</th></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    assert body_errors(body) == []


def test_the_html5_check_sees_what_the_source_had_wrong():
    assert body_errors("<h3>A</h3><ul>texte<p>x</p></ul><p><br></p>") == [
        "texte directement dans <ul>",
        "<p> directement dans <ul>",
        "<p> vide",
        "premier intertitre en <h3>",
        "coquille vide <p><br>",
        "coquille vide <br></p>",
    ]
