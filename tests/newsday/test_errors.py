"""Resilience: the database goes away, then comes back, without a restart."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

from tests.factories import make_article

# Real connections are closed and reopened, so no wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def unreachable_database():
    """Connecting fails as Django reports a dead server (the driver's error,
    wrapped). Patched on ``ensure_connection`` because SQLite's in-memory test
    database never really closes; the PostgreSQL test below uses a closed port."""
    error = OperationalError("connection refused")
    return mock.patch.object(connection, "ensure_connection", side_effect=error)


@pytest.fixture
def database_down():
    connection.close()
    with unreachable_database():
        yield
    connection.close()


@pytest.fixture
def live_client(client):
    client.raise_request_exception = False
    return client


def test_page_without_database_is_a_french_503_with_retry_after(
    live_client, database_down
):
    response = live_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Le site est momentanément indisponible" in response.text
    assert '<html lang="fr">' in response.text


def test_database_failure_shows_no_stack_trace(live_client, database_down):
    response = live_client.get("/")
    assert "Traceback" not in response.text
    assert "OperationalError" not in response.text
    assert "connection refused" not in response.text


def test_database_outage_page_is_never_cached(live_client, database_down):
    assert live_client.get("/")["Cache-Control"] == "no-store"


def test_site_recovers_when_the_database_comes_back(live_client):
    article = make_article(title="De retour")
    connection.close()
    with unreachable_database():
        assert live_client.get("/").status_code == 503
    response = live_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "De retour" in response.text


@pytest.mark.usefixtures("test_urls")
def test_other_errors_still_use_the_500_page(live_client):
    assert live_client.get("/test/boom/").status_code == 500


@pytest.mark.postgres
def test_postgresql_on_a_closed_port_gives_503_then_recovers(live_client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: points the connection at a closed port")
    connection.close()
    port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"
    try:
        assert live_client.get("/").status_code == 503
    finally:
        connection.settings_dict["PORT"] = port
        connection.close()
    assert live_client.get("/").status_code == 200


def test_server_error_page_is_french_and_needs_no_database(
    rf, django_assert_num_queries
):
    from newsday.errors import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Un problème technique" in response.content.decode()


def test_outage_page_is_styled_by_the_sites_stylesheet_under_the_csp(
    live_client, database_down
):
    """An inline <style> is blocked by the CSP (no nonce without the request):
    the page links the site's stylesheet, which 'self' allows."""
    response = live_client.get("/")
    assert "<style" not in response.text
    assert '<link rel="stylesheet" href="/static/css/site.css">' in response.text
    assert "style-src 'self'" in response["Content-Security-Policy"]
