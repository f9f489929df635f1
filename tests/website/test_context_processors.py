"""The sections menu every page shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_menu_shows_a_new_section_on_the_next_page(
    client, django_capture_on_commit_callbacks
):
    section = make_section(name="Culture")
    make_article(section=section)
    url = section.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        make_section(name="Sciences")
    assert ">Sciences</a>" in client.get(url).content.decode()


def test_menu_is_read_in_one_query_however_often_the_page_shows_it(client):
    section = make_section(name="Culture")
    make_article(section=section)
    with CaptureQueriesContext(connection) as queries_made:
        client.get(section.get_absolute_url())
    menu_reads = [
        q
        for q in queries_made
        if 'FROM "articles_section"' in q["sql"] and "articles_article" not in q["sql"]
    ]
    assert len(menu_reads) == 1


def menu_queries(client, url):
    with CaptureQueriesContext(connection) as queries_made:
        client.get(url)
    return [
        q
        for q in queries_made
        if 'FROM "articles_section"' in q["sql"] and "articles_article" not in q["sql"]
    ]


def test_menu_is_read_from_its_reader_copy_once_read(client):
    section = make_section(name="Culture")
    make_article(section=section)
    url = section.get_absolute_url()
    assert len(menu_queries(client, url)) == 1
    assert menu_queries(client, url) == []


def test_a_renamed_or_hidden_rubrique_leaves_the_menu_at_once(
    client, django_capture_on_commit_callbacks
):
    section = make_section(name="Culture")
    other = make_section(name="Sciences")
    make_article(section=section)
    url = section.get_absolute_url()
    client.get(url)
    other.name = "Sciences et techniques"
    with django_capture_on_commit_callbacks(execute=True):
        other.save()
    assert ">Sciences et techniques</a>" in client.get(url).content.decode()
    other.is_active = False
    with django_capture_on_commit_callbacks(execute=True):
        other.save()
    assert "Sciences et techniques" not in client.get(url).content.decode()
