"""The periodic jobs: the matinale prepared and started on time, stalled
sends resumed, unconfirmed sign-ups purged."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core import mail

from jobs.periodic import discover
from newsletters import tasks
from newsletters.models import Delivery, Send
from tests.factories import make_article

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_the_jobs_are_periodic():
    assert {
        "newsletters.tasks.newsletters_tick",
        "newsletters.tasks.newsletters_purge_unconfirmed",
    } <= set(discover())


def test_the_tick_sends_the_matinale_at_seven(
    matinale, subscribe, django_capture_on_commit_callbacks
):
    subscribe(matinale)
    make_article(publish_at=dt.datetime(2026, 12, 7, 6, 0, tzinfo=PARIS))
    with time_machine.travel(dt.datetime(2026, 12, 7, 6, 30, tzinfo=PARIS)):
        tasks.newsletters_tick.call()
    assert Send.objects.get().state == Send.State.SCHEDULED
    with (
        time_machine.travel(dt.datetime(2026, 12, 7, 7, 0, 30, tzinfo=PARIS)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tasks.newsletters_tick.call()
    assert len(mail.outbox) == 1
    assert Send.objects.get(edition=dt.date(2026, 12, 7)).state == Send.State.DONE


def test_the_tick_resumes_a_stalled_send(
    matinale, subscribe, django_capture_on_commit_callbacks
):
    subscribe(matinale)
    with time_machine.travel(dt.datetime(2026, 12, 7, 6, 30, tzinfo=PARIS)):
        tasks.newsletters_tick.call()
    with (
        time_machine.travel(dt.datetime(2026, 12, 7, 7, 0, 30, tzinfo=PARIS)),
        django_capture_on_commit_callbacks(execute=False),
    ):
        tasks.newsletters_tick.call()  # its batch jobs are lost
    assert Delivery.objects.filter(state=Delivery.State.PENDING).count() == 1
    with time_machine.travel(dt.datetime(2026, 12, 7, 7, 10, tzinfo=PARIS)):
        tasks.newsletters_tick.call()
    assert len(mail.outbox) == 1
