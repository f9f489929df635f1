"""Sections and authors."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_section

pytestmark = pytest.mark.django_db


def test_a_section_cannot_take_a_slug_the_site_uses():
    section = make_section(slug="recherche")
    with pytest.raises(ValidationError, match="réservé"):
        section.full_clean()


@pytest.mark.parametrize("slug", ["newsletters", "api"])
def test_the_newer_apps_addresses_are_reserved_too(slug):
    section = make_section(slug=slug)
    with pytest.raises(ValidationError, match="réservé"):
        section.full_clean()
