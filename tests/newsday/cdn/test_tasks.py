"""The purge job: what is retried, and the save that never waits on it."""

import urllib.error
from unittest import mock

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsday import cdn
from newsday.cdn.base import PurgeUnavailable
from newsday.cdn.nginx import NginxRefreshBackend
from tests.factories import make_article

BACKEND = NginxRefreshBackend(origin="http://127.0.0.1:8081")


def http_error(code):
    return urllib.error.HTTPError("http://x", code, "", {}, None)


@pytest.mark.parametrize("code", [500, 502, 503, 504])
def test_a_cdn_answering_5xx_is_worth_retrying(code):
    with (
        mock.patch("urllib.request.urlopen", side_effect=http_error(code)),
        pytest.raises(PurgeUnavailable, match=str(code)),
    ):
        BACKEND.purge(["https://x.fr/"])


def test_a_cdn_that_times_out_is_worth_retrying():
    with (
        mock.patch("urllib.request.urlopen", side_effect=TimeoutError("timed out")),
        pytest.raises(PurgeUnavailable),
    ):
        BACKEND.purge(["https://x.fr/"])


def test_a_cdn_refusing_the_request_is_an_error_not_a_retry():
    with (
        mock.patch("urllib.request.urlopen", side_effect=http_error(403)),
        pytest.raises(urllib.error.HTTPError),
    ):
        BACKEND.purge(["https://x.fr/"])


@pytest.mark.django_db
def test_saving_an_article_only_enqueues_the_purge(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CDN_PURGE_BACKEND = "newsday.cdn.nginx.NginxRefreshBackend"
    settings.CDN_PURGE_BACKEND_OPTIONS = {"origin": "http://127.0.0.1:8081"}
    cdn.backend.cache_clear()
    with (
        mock.patch("urllib.request.urlopen") as urlopen,
        django_capture_on_commit_callbacks(execute=True),
    ):
        make_article()
    cdn.backend.cache_clear()
    urlopen.assert_not_called()
    job = DBTaskResult.objects.get()
    assert job.task_path == "newsday.cdn.tasks.purge_urls"
    assert job.status == TaskResultStatus.READY
