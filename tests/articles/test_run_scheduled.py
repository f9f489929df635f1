"""The ``run_scheduled`` command: one line per event, and ``--check``
for monitoring (the events themselves:
tests/articles/services/test_scheduled_events.py)."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from articles.services.scheduled_events import overdue_events
from core.formats import french_datetime
from tests.factories import make_scheduled_article

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
SECOND = dt.timedelta(seconds=1)


@pytest.mark.django_db
def test_run_scheduled_prints_one_line_per_event():
    make_scheduled_article(T, title="Le conseil se réunit")
    out = StringIO()
    with time_machine.travel(T + SECOND, tick=False):
        call_command("run_scheduled", stdout=out)
    assert out.getvalue() == (
        f"mise en ligne effectuée : « Le conseil se réunit » (id "
        f"{Article.objects.get().pk}), prévue le {french_datetime(T)}\n"
    )


@pytest.mark.django_db
def test_overdue_events_are_listed_until_run_scheduled_catches_up():
    article = make_scheduled_article(T)
    with time_machine.travel(T + dt.timedelta(minutes=5), tick=False):
        assert [e.article_id for e in overdue_events()] == [article.pk]
        call_command("run_scheduled", stdout=StringIO())
        assert overdue_events() == []


@pytest.mark.django_db
def test_run_scheduled_check_fails_when_events_are_overdue():
    make_scheduled_article(T)
    with (
        time_machine.travel(T + dt.timedelta(minutes=5), tick=False),
        pytest.raises(SystemExit) as exit_info,
    ):
        call_command("run_scheduled", "--check", stdout=StringIO())
    assert exit_info.value.code == 1
