"""Block-editor content rendered as plain HTML."""

import pytest

from importers.wordpress.blocks import parse_blocks
from importers.wordpress.content import convert_body
from tests.importers.wordpress.conftest import article


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


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_block_editor_markup_becomes_plain_html(run_import):
    run_import("newsroom.xml")
    body = article(102).body
    assert "<!--" not in body
    assert "<h2>Un duel serré</h2>" in body  # an h1 block
    assert "<h3>À Villeurbanne</h3>" in body  # an h4 block
    assert "<blockquote><p>Rien n’est joué.</p>" in body


@pytest.mark.django_db
def test_embed_block_becomes_a_link_with_its_caption(run_import):
    run_import("newsroom.xml")
    assert (
        '<p><a href="https://www.youtube.com/watch?v=abc123XYZ" rel="noopener noreferrer">'
        "Voir la vidéo sur YouTube</a></p>\n<p>Le débat télévisé</p>"
    ) in article(102).body


@pytest.mark.django_db
def test_footnotes_block_lists_the_notes_from_post_meta(run_import):
    run_import("newsroom.xml")
    assert (
        "<ol><li>Sondages réalisés du 8 au 11 juillet.</li></ol>" in article(102).body
    )
