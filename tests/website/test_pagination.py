"""Lists read a page and one more row, never counting the whole list."""

import datetime as dt

import pytest
from django.core.paginator import EmptyPage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_section
from website.pagination import UncountedPaginator

pytestmark = pytest.mark.django_db


def make_list(section, count):
    now = timezone.now()
    for n in range(count):
        make_article(
            section=section, title=f"Match {n}", publish_at=now - dt.timedelta(hours=n)
        )


@pytest.mark.parametrize("page", ["999", "-1", "0", "abc", "1.5"])
def test_bad_page_number_is_not_found(client, page):
    section = make_section(slug="monde")
    make_article(section=section)
    assert client.get(f"/monde/?page={page}").status_code == 404


def test_second_page_lists_older_articles(client):
    section = make_section(slug="sport")
    now = timezone.now()
    for n in range(21):
        make_article(
            section=section, title=f"Match {n}", publish_at=now - dt.timedelta(hours=n)
        )
    html = client.get("/sport/?page=2").content.decode()
    assert "Match 20" in html
    assert "Match 0<" not in html
    assert 'rel="prev"' in html
    assert "Page 2<" in html


def test_list_page_links_to_the_next_page_without_counting_the_list(client):
    make_list(make_section(slug="sport"), 21)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/sport/").content.decode()
    assert 'rel="next"' in html
    assert "Page 1<" in html
    assert not any("COUNT(" in query["sql"] for query in queries)


def test_last_page_has_no_next_link(client):
    make_list(make_section(slug="sport"), 20)
    html = client.get("/sport/").content.decode()
    assert 'rel="next"' not in html
    assert "pagination" not in html


def test_page_past_the_end_is_not_found(client):
    make_list(make_section(slug="sport"), 21)
    assert client.get("/sport/?page=2").status_code == 200
    assert client.get("/sport/?page=3").status_code == 404


@pytest.mark.parametrize("list_path", ["/monde/", "/auteurs/fuzz/", "/mots-cles/fuzz/"])
def test_page_number_past_what_a_database_can_read_is_a_french_404(client, list_path):
    make_article(
        section=make_section(slug="monde"),
        authors=[make_author(slug="fuzz")],
        tags=["fuzz"],
    )
    response = client.get(f"{list_path}?page=99999999999999999999999")
    assert response.status_code == 404
    assert "Cette page est introuvable" in response.text


def test_paginator_refuses_a_page_past_the_largest_offset_without_a_query(
    django_assert_num_queries,
):
    paginator = UncountedPaginator(Article.objects.all(), 20)
    with django_assert_num_queries(0), pytest.raises(EmptyPage):
        paginator.page(2**63 // 20 + 1)
