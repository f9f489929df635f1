"""Cursor pagination: every article once, in order, without counting."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_following_next_reads_every_article_once_newest_first(client):
    now = timezone.now()
    section = make_section()
    same_second = now - dt.timedelta(hours=1)
    articles = [
        make_article(section=section, publish_at=same_second) for _ in range(3)
    ] + [
        make_article(section=section, publish_at=now - dt.timedelta(hours=h))
        for h in range(2, 6)
    ]

    seen, url = [], "/api/v1/articles?limit=2"
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"]

    expected = sorted(articles, key=lambda a: (a.publish_at, a.pk), reverse=True)
    assert seen == [a.pk for a in expected]


def test_the_next_link_keeps_the_filters(client):
    section = make_section(slug="monde")
    make_article(section=section)
    make_article(section=section)

    page = client.get("/api/v1/articles?rubrique=monde&limit=1").json()

    query = parse_qs(urlsplit(page["next"]).query)
    assert query["rubrique"] == ["monde"]
    assert query["cursor"] == [page["next_cursor"]]


def test_the_last_page_has_no_next(client):
    make_article()

    page = client.get("/api/v1/articles?limit=5").json()

    assert page["next"] is page["next_cursor"] is None


def test_a_page_never_counts_the_archive(client):
    for _ in range(3):
        make_article()
    client.get("/api/v1/articles?limit=2")

    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/articles?limit=2")

    assert not any("COUNT(" in q["sql"].upper() for q in queries)
    # The articles with their bylines, tags and due versions in one query
    # (no hero image here: its renditions would take one more).
    assert len(queries) == 1


def test_updated_since_keeps_articles_changed_since(client):
    days_ago = timezone.now() - dt.timedelta(days=3)
    old = make_article(publish_at=days_ago)
    untouched = make_article(publish_at=days_ago)
    Article.objects.update(modified_at=days_ago)
    since = timezone.now()
    recent = make_article()
    old.title = "Mis à jour"
    old.save()

    items = client.get("/api/v1/articles", {"updated_since": since.isoformat()}).json()[
        "items"
    ]

    ids = {item["id"] for item in items}
    assert ids == {old.pk, recent.pk}
    assert untouched.pk not in ids


def test_tags_are_paginated_by_cursor(client):
    make_article(tags=["alpha", "beta", "gamma"])

    first = client.get("/api/v1/tags?limit=2").json()
    second = client.get(first["next"]).json()

    names = [t["name"] for t in first["items"] + second["items"]]
    assert names == ["alpha", "beta", "gamma"]
    assert second["next"] is None
