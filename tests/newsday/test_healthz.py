from unittest import mock

import pytest

from newsday import healthz

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_a_short_json_report(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_health_check_answers_a_probe_by_ip_address(client):
    response = client.get("/healthz", headers={"host": "10.0.0.7"})
    assert response.status_code == 200


def test_unreachable_database_makes_the_health_check_fail(client):
    with mock.patch.object(healthz, "check_database", side_effect=OSError("refusé")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_unreachable_cache_makes_the_health_check_fail(client):
    with mock.patch.object(healthz, "check_cache", side_effect=OSError("refusé")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_health_report_does_not_leak_error_details(client):
    with mock.patch.object(
        healthz, "check_database", side_effect=OSError("password=hunter2")
    ):
        response = client.get("/healthz")
    assert b"hunter2" not in response.content
