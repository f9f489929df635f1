"""Periodic jobs: enqueued once per period, however many schedulers."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.periodic import REGISTRY, periodic_enqueue_due

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
SCHEDULED = "articles.tasks.run_scheduled_events"


def enqueued():
    return DBTaskResult.objects.filter(task_path=SCHEDULED).count()


def test_the_scheduled_events_job_is_registered_every_fifteen_seconds():
    periodic_enqueue_due(now=T)
    assert REGISTRY[SCHEDULED].every == dt.timedelta(seconds=15)


def test_two_schedulers_at_the_same_instant_enqueue_the_job_once(database_tasks):
    assert SCHEDULED in periodic_enqueue_due(now=T)
    assert SCHEDULED not in periodic_enqueue_due(now=T)
    assert enqueued() == 1


def test_the_job_is_enqueued_again_once_its_period_has_passed(database_tasks):
    periodic_enqueue_due(now=T)
    periodic_enqueue_due(now=T + dt.timedelta(seconds=14))
    assert enqueued() == 1
    periodic_enqueue_due(now=T + dt.timedelta(seconds=15))
    assert enqueued() == 2


def test_run_periodic_once_says_what_it_enqueued(database_tasks):
    out = StringIO()
    with time_machine.travel(T, tick=False):
        call_command("run_periodic", "--once", stdout=out)
    assert f"mise en file : {SCHEDULED}" in out.getvalue()
    assert enqueued() == 1
