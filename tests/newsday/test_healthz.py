import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from newsday import healthz

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_a_short_json_report(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "queue_lag_seconds": 0.0,
    }
    assert response["Cache-Control"] == "no-store"


def test_health_check_answers_a_probe_by_ip_address(client):
    response = client.get("/healthz", headers={"host": "10.0.0.7"})
    assert response.status_code == 200


def test_unreachable_database_makes_the_health_check_fail(client):
    with mock.patch.object(healthz, "check_database", side_effect=OSError("refusé")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "error"
    assert response.json()["cache"] == "ok"


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


def test_health_check_reports_the_age_of_the_oldest_ready_job(client, settings):
    from django_tasks_db.models import DBTaskResult

    from newsday.cdn.tasks import purge_urls

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge_urls.enqueue(["http://testserver/"])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=2))
    assert client.get("/healthz").json()["queue_lag_seconds"] >= 120


def test_an_unreadable_queue_is_reported_without_failing_the_health_check(client):
    with mock.patch.object(healthz, "queue_lag", side_effect=OSError("Redis")):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["queue_lag_seconds"] is None
