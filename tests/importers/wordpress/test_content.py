"""A post's content → our sanitised article body."""

from collections import Counter

import pytest

from articles.models import Article
from importers.wordpress.content import convert_body, plain_text
from tests.importers.wordpress.conftest import article


def test_conversion_notes_what_was_changed():
    notes = Counter()
    convert_body("<table><tr><td>a</td></tr></table><img src='x.jpg'>", notes=notes)
    assert notes["tableau"] == 1
    assert notes["image dans le texte retirée"] == 1


def test_plain_text_strips_markup_and_decodes_entities_but_keeps_no_break_spaces():
    assert plain_text("<p>Le «&nbsp;chapô&nbsp;» &amp;\n<em>la suite</em></p>") == (
        "Le «\u00a0chapô\u00a0» & la suite"
    )


# --- On the project's export (tests/fixtures/wordpress/newsroom.xml) ----------------


@pytest.mark.django_db
def test_scripts_event_handlers_and_javascript_links_are_stripped(run_import):
    run_import("newsroom.xml")
    bodies = " ".join(Article.objects.values_list("body", flat=True))
    assert "<script" not in bodies
    assert "document.write" not in bodies
    assert "track()" not in bodies
    assert "javascript:" not in bodies
    assert "onclick" not in bodies
    assert "onmouseover" not in bodies


@pytest.mark.django_db
def test_image_and_its_caption_leave_the_body(run_import):
    run_import("newsroom.xml")
    assert "affiche" not in article(102).body
    assert "Fourvière" not in article(109).body


@pytest.mark.django_db
def test_entities_and_cdata_survive_conversion(run_import):
    run_import("newsroom.xml")
    body = article(109).body
    assert "Le préfet a parlé d’une «&nbsp;fête populaire&nbsp;»" in body
    assert "se termine ainsi : ]]&gt; et la suite" in body
