"""The section admin."""

import pytest

from articles.models import Section
from core.adminpages import admin_url
from tests.factories import make_article, make_draft, make_section

pytestmark = pytest.mark.django_db


def test_section_list_counts_each_sections_articles(superuser_client):
    culture, sport = make_section(name="Culture"), make_section(name="Sport")
    make_article(section=culture)
    make_draft(section=culture)
    response = superuser_client.get(admin_url(Section, "changelist"))
    counts = {
        section.pk: section.n_articles for section in response.context["cl"].result_list
    }
    assert (counts[culture.pk], counts[sport.pk]) == (2, 0)


def test_section_list_sorts_by_article_count(superuser_client):
    few, many = make_section(name="Peu"), make_section(name="Beaucoup")
    make_article(section=few)
    for _ in range(3):
        make_article(section=many)
    url = admin_url(Section, "changelist")
    column = superuser_client.get(url).context["cl"].list_display.index("article_count")
    response = superuser_client.get(url, {"o": f"-{column}"})
    shown = [section.pk for section in response.context["cl"].result_list]
    assert shown.index(many.pk) < shown.index(few.pk)
