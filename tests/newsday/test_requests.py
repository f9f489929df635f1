"""Requests no page can answer: refused before any view reads them."""

import logging

import pytest

pytestmark = pytest.mark.django_db

NUL_ADDRESSES = [
    "/%00/",
    "/x%00y/",
    "/auteurs/%00/",
    "/mots-cles/%00/",
    "/sitemap-%00.xml",
    "/images/1/og.jpg%00",
    "/preview/lien/%00/",
    "/admin/articles/article/%00/change/",
    "/?p=%00",
    "/recherche/?q=%00",
    "/admin/images/image/choisir/?q=%00",
    "/admin/articles/article/mots-cles/?q=%00",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=target",
]


@pytest.fixture
def live_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_nul_byte_in_the_address_is_a_french_400(live_client, address):
    response = live_client.get(address)
    assert response.status_code == 400
    assert "Cette demande n’a pas pu être traitée" in response.text


@pytest.mark.parametrize("address", ["/auteurs/%00/", "/mots-cles/x?page=%00"])
def test_nul_byte_reaches_no_view_and_no_database(
    live_client, address, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert live_client.get(address).status_code == 400


def test_nul_byte_in_the_admin_is_refused_for_signed_in_editors(as_editor):
    as_editor.raise_request_exception = False
    response = as_editor.get("/admin/images/image/choisir/?q=%00")
    assert response.status_code == 400


@pytest.mark.parametrize("address", ["/%01/", "/a%1bb/", "/%7f/", "/auteurs/a%0Ab/"])
def test_control_character_in_the_path_is_a_400(live_client, address):
    assert live_client.get(address).status_code == 400


def test_line_break_pasted_in_the_search_field_is_searched(client):
    assert client.get("/recherche/?q=%C3%A9lections%0Aet%09sondages").status_code == 200


def test_refusal_logs_one_warning_without_traceback(live_client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        live_client.get("/x%00y/")
    assert len(caplog.records) == 1
    record = caplog.records[0]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_cookie_with_a_nul_byte_is_ignored(live_client):
    # « \000 » in a quoted cookie is how a NUL reaches Django through a server.
    live_client.cookies["sessionid"] = "abcdefghij\x00"
    assert live_client.get("/admin/").status_code == 302
    assert live_client.get("/").status_code == 200


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("address", ["/", "/rss/", "/sitemap.xml", "/admin/"])
def test_method_the_site_does_not_use_is_405(live_client, method, address):
    response = live_client.generic(method, address)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"


def test_methods_the_site_uses_still_work(client):
    assert client.get("/").status_code == 200
    assert client.head("/").status_code == 200
    assert client.post("/admin/login/", {}).status_code == 200
