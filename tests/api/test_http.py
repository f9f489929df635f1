"""ETag, Last-Modified and 304s; Cache-Control bounded by the next
scheduled change; CORS; the page cache left out."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_article, make_scheduled_article

pytestmark = pytest.mark.django_db


def max_age(response, directive="s-maxage"):
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        if name == directive:
            return int(value)
    return None


def test_an_unchanged_article_answers_304_to_its_etag(client):
    article = make_article()
    first = client.get(f"/api/v1/articles/{article.pk}")

    again = client.get(
        f"/api/v1/articles/{article.pk}", HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert again.status_code == 304
    assert again.content == b""


def test_an_article_answers_304_to_its_last_modified(client):
    article = make_article()
    first = client.get(f"/api/v1/articles/{article.pk}")

    again = client.get(
        f"/api/v1/articles/{article.pk}",
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
    )

    assert again.status_code == 304


def test_a_changed_article_answers_200_to_an_old_etag(client):
    article = make_article()
    first = client.get(f"/api/v1/articles/{article.pk}")
    article.title = "Titre corrigé"
    article.save()

    again = client.get(
        f"/api/v1/articles/{article.pk}", HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert again.status_code == 200
    assert again.json()["title"] == "Titre corrigé"


def test_lists_answer_304_to_their_etag(client):
    make_article()
    first = client.get("/api/v1/articles")

    again = client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_cache_control_stops_at_the_next_scheduled_publication(client, settings):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 600
    article = make_article()
    make_scheduled_article(timezone.now() + dt.timedelta(seconds=45))

    response = client.get(f"/api/v1/articles/{article.pk}")

    assert "public" in response["Cache-Control"]
    assert 40 <= max_age(response) <= 45


def test_a_404_is_shared_no_longer_than_the_next_publication(client, settings):
    settings.PAGE_CACHE_NOT_FOUND_MAX_AGE = 30
    scheduled = make_scheduled_article(timezone.now() + dt.timedelta(seconds=10))

    response = client.get(f"/api/v1/articles/{scheduled.pk}")

    assert response.status_code == 404
    assert max_age(response) <= 10


def test_answers_to_a_partner_are_not_shared(keyed):
    article = make_article()

    response = keyed.get(f"/api/v1/articles/{article.pk}")

    assert response["Cache-Control"] == "private, no-cache"
    assert "Authorization" in response["Vary"]


def test_every_answer_allows_any_origin(client):
    assert client.get("/api/v1/articles")["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/nowhere")["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_allows_the_key_header(client):
    response = client.options(
        "/api/v1/articles",
        HTTP_ORIGIN="https://app.exemple.fr",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )

    assert response.status_code == 204
    assert "Authorization" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_site_pages_get_no_cors_header(client):
    article = make_article()

    response = client.get(article.get_absolute_url())

    assert "Access-Control-Allow-Origin" not in response


def test_the_page_cache_never_stores_an_api_answer(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    article = make_article()

    client.get(f"/api/v1/articles/{article.pk}?format=ninjs")
    response = client.get(f"/api/v1/articles/{article.pk}")

    assert "X-Page-Cache" not in response
    assert response["Content-Type"].startswith("application/json")


def test_head_answers_like_get_without_a_body(client):
    response = client.head("/api/v1/rubriques")

    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"]


def test_an_id_that_is_not_a_number_is_a_400_problem(client):
    response = client.get("/api/v1/articles/abc")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_ninjs_is_asked_for_by_the_format_or_by_accept_when_no_format_is_given(rf):
    from api.http import wants_ninjs

    accepting = rf.get("/", HTTP_ACCEPT="application/ninjs+json")
    assert wants_ninjs(rf.get("/"), "ninjs")
    assert wants_ninjs(accepting, None)
    assert not wants_ninjs(accepting, "json")
    assert not wants_ninjs(rf.get("/"), None)
