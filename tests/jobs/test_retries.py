"""Retries: doubling delays with a cap, a bounded number of attempts."""

import datetime as dt

import pytest
import time_machine
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.retries import retry_delay, retry_later
from newsday.cdn.base import PurgeUnavailable
from newsday.cdn.tasks import purge_urls

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


def test_each_retry_waits_twice_as_long_up_to_the_cap(settings):
    settings.TASKS_RETRY_DELAY = 10
    settings.TASKS_RETRY_MAX_DELAY = 60
    assert [retry_delay(n).total_seconds() for n in range(1, 6)] == [
        10,
        20,
        40,
        60,
        60,
    ]


@pytest.mark.django_db
def test_a_retry_is_deferred_by_its_back_off(database_tasks, settings):
    settings.TASKS_RETRY_DELAY = 10
    with time_machine.travel(T, tick=False):
        retry_later(purge_urls, PurgeUnavailable("503"), attempt=2, urls=["u"])
    retry = DBTaskResult.objects.get()
    assert retry.status == TaskResultStatus.READY
    assert retry.run_after == T + dt.timedelta(seconds=20)
    assert retry.args_kwargs["kwargs"] == {"urls": ["u"], "attempt": 3}


def test_the_last_attempt_raises_the_error(settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    error = PurgeUnavailable("503")
    with pytest.raises(PurgeUnavailable):
        retry_later(purge_urls, error, attempt=3, urls=["u"])
