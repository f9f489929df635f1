"""Bad requests get a 400 (or 404) in French as problem details, never a 5xx."""

import pytest
from django.core import signing

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?limit=0",
        "/api/v1/articles?limit=abc",
        "/api/v1/articles?limit=99999999999999999999999999",
        "/api/v1/articles?rubrique=inconnue",
        "/api/v1/articles?author=personne",
        "/api/v1/articles?tag=rien",
        "/api/v1/articles?updated_since=hier",
        "/api/v1/articles?cursor=nimporte",
        "/api/v1/articles/99999999999999999999999",
        "/api/v1/articles/1?format=pdf",
        "/api/v1/search?q=",
        "/api/v1/search",
        "/api/v1/tags?cursor=abc",
    ],
)
def test_bad_parameters_answer_400_in_french(client, url):
    body = assert_problem(client.get(url), 400)

    assert "Paramètre « " in body["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?rubrique=a%00b",
        "/api/v1/articles?cursor=%00",
        "/api/v1/search?q=a%00b",
    ],
)
def test_a_nul_byte_answers_400_in_french(client, url):
    body = assert_problem(client.get(url), 400)

    assert "caractère" in body["detail"]


def test_a_forged_cursor_is_refused(client):
    forged = signing.dumps(["2026-01-01T00:00:00+00:00", 1], salt="autre")

    body = assert_problem(client.get(f"/api/v1/articles?cursor={forged}"), 400)

    assert "curseur" in body["detail"]


def test_a_signed_cursor_of_the_wrong_shape_is_refused(client):
    odd = signing.dumps(["pas une date", "x"], salt="api.cursor", compress=True)

    assert_problem(client.get(f"/api/v1/articles?cursor={odd}"), 400)


def test_an_unknown_article_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/articles/424242"), 404)


def test_an_unknown_address_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/nulle-part"), 404)


def test_writing_is_refused_as_a_405_problem(client):
    article = make_article()

    body = assert_problem(client.post(f"/api/v1/articles/{article.pk}"), 405)

    assert "GET" in body["detail"]


def test_an_unknown_rubrique_is_named_in_the_error(client):
    body = assert_problem(client.get("/api/v1/articles?rubrique=meteo"), 400)

    assert body["detail"] == (
        "Paramètre « rubrique » : aucune rubrique n’a l’identifiant « meteo »."
    )
