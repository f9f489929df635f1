"""Gzip when gunicorn serves alone: reader pages compressed, pages holding
a secret (CSRF token, session) never (BREACH)."""

import gzip

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_reader_page_is_compressed_and_varies_on_accept_encoding(client):
    article = make_article()
    response = client.get(article.get_absolute_url(), **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert article.title in gzip.decompress(response.content).decode()


def test_a_page_cache_hit_is_compressed_too(client, page_cache):
    article = make_article()
    client.get(article.get_absolute_url())
    response = client.get(article.get_absolute_url(), **GZIP)
    assert response["X-Page-Cache"] == "HIT"
    assert response["Content-Encoding"] == "gzip"
    assert article.title in gzip.decompress(response.content).decode()


def test_the_page_cache_keeps_the_plain_page_for_clients_without_gzip(
    client, page_cache
):
    article = make_article()
    client.get(article.get_absolute_url(), **GZIP)
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "HIT"
    assert "Content-Encoding" not in response
    assert article.title in response.content.decode()


def test_feeds_are_compressed(client):
    make_article()
    response = client.get("/rss/", **GZIP)
    assert response["Content-Encoding"] == "gzip"


def test_a_page_holding_a_csrf_token_is_not_compressed(client):
    response = client.get("/admin/login/", **GZIP)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_a_signed_in_persons_pages_are_not_compressed(client, django_user_model):
    article = make_article()
    client.force_login(django_user_model.objects.create_user("lea"))
    response = client.get(article.get_absolute_url(), **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response
