"""Partner keys and rate limits."""

import pytest

from api.models import PartnerKey
from api.services import partner_key_find, partner_key_revoke

pytestmark = pytest.mark.django_db


def test_a_key_is_stored_hashed(partner):
    key, token = partner

    stored = PartnerKey.objects.get(pk=key.pk)

    # « nd_<prefix>_<secret> »: the secret itself may hold underscores.
    assert token.split("_", 2)[2] not in stored.secret_hash
    assert partner_key_find(token) == stored


def test_a_mistyped_key_is_not_found(partner):
    assert partner_key_find(partner[1] + "x") is None
    assert partner_key_find("nd_\x00\x00_abc") is None


def test_anonymous_readers_are_limited_per_address(client, settings):
    settings.API_ANONYMOUS_RATE_LIMIT = 3

    statuses = [client.get("/api/v1/rubriques").status_code for _ in range(4)]
    elsewhere = client.get("/api/v1/rubriques", REMOTE_ADDR="10.0.0.2")

    assert statuses == [200, 200, 200, 429]
    assert elsewhere.status_code == 200


def test_a_refusal_says_when_to_come_back_in_french(client, settings):
    settings.API_ANONYMOUS_RATE_LIMIT = 1
    client.get("/api/v1/rubriques")

    response = client.get("/api/v1/rubriques")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= settings.API_RATE_LIMIT_WINDOW
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["title"] == "Trop de requêtes"


def test_a_partner_has_its_own_higher_limit(keyed, settings):
    settings.API_ANONYMOUS_RATE_LIMIT = 1

    statuses = [keyed.get("/api/v1/rubriques").status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]


def test_answers_tell_the_remaining_requests(keyed):
    response = keyed.get("/api/v1/rubriques")

    assert response["RateLimit-Limit"] == "5"
    assert response["RateLimit-Remaining"] == "4"


def test_a_revoked_key_is_refused(client, partner):
    key, token = partner
    partner_key_revoke(key=key)

    response = client.get("/api/v1/rubriques", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 401
    assert "révoquée" in response.json()["detail"]


def test_a_malformed_authorization_header_is_refused(client):
    response = client.get("/api/v1/rubriques", HTTP_AUTHORIZATION="Basic xyz")

    assert response.status_code == 401
