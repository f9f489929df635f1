"""The rubrique menu of every reader page (includes/header.html and its
rules in static/css/site.css): it shows every rubrique and never overflows."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_section

CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def _rule(selector, css):
    """The declarations of the first top-level rule for ``selector``."""
    found = re.search(rf"^{re.escape(selector)} \{{(.*?)\}}", css, re.M | re.S)
    return found.group(1) if found else ""


@pytest.mark.django_db
def test_menu_lists_every_rubrique_as_a_link(client):
    sections = [make_section(name=f"Rubrique longue {n}") for n in range(16)]
    nav = client.get("/").content.decode().split('aria-label="Rubriques"')[1]
    nav = nav.split("</nav>")[0]
    for section in sections:
        assert f'href="{section.get_absolute_url()}"' in nav


def test_menu_wraps_instead_of_overflowing_on_wide_screens():
    rule = _rule(".sections-nav ul", CSS.read_text())
    assert "flex-wrap: wrap" in rule
    assert "nowrap" not in rule


def test_menu_that_scrolls_on_small_screens_shows_a_shadow_where_more_hide():
    css = CSS.read_text()
    small = css.split("@media (max-width: 40em)")[1].split("\n}\n")[0]
    assert "overflow-x: auto" in small
    assert "no-repeat local" in small
    assert "no-repeat scroll" in small
