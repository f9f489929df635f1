"""WordPress's automatic paragraphs: the cases of its own test suite that
matter to us."""

import pytest

from importers.wordpress.autop import shortcode_unautop, wpautop
from tests.importers.wordpress.conftest import article


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


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_classic_content_gets_wordpress_paragraphs_and_line_breaks(run_import):
    run_import("newsroom.xml")
    assert article(101).body.startswith(
        "<p>Les députés ont adopté le texte <strong>mardi soir</strong>, "
        "à 289 voix contre 251.<br>\nLa séance a duré plus de six heures.</p>\n"
        "<p>« C’est un budget de responsabilité », a déclaré la ministre.</p>\n"
        "<h2>Ce que contient le texte</h2>"
    )
