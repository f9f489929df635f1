"""The editorial calendar, rescheduling from it, and overdue events run
on demand."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


@time_machine.travel(T, tick=False)
def test_calendar_week_shows_scheduled_articles_on_their_paris_day(as_editor):
    make_article(
        status=Status.SCHEDULED,
        publish_at=timezone.make_aware(dt.datetime(2026, 6, 17, 7, 30)),
        title="Conseil des ministres",
    )
    response = as_editor.get(reverse("admin:articles_article_calendar"))
    columns = {c["date"]: c for c in response.context["columns"]}
    assert [e["article"].title for e in columns[dt.date(2026, 6, 17)]["entries"]] == [
        "Conseil des ministres"
    ]


@time_machine.travel(T, tick=False)
def test_calendar_writes_times_in_french(as_editor):
    make_article(
        status=Status.SCHEDULED,
        publish_at=timezone.make_aware(dt.datetime(2026, 6, 17, 7, 30)),
    )
    response = as_editor.get(reverse("admin:articles_article_calendar"))
    assert '<p class="entry-time">7\u00a0h\u00a030 · programmé</p>' in response.text


def test_calendar_day_view_on_the_spring_daylight_saving_day(as_editor):
    # 00:30 in Paris on 29 March is still 28 March in UTC.
    just_after_midnight = make_article(
        status=Status.SCHEDULED,
        publish_at=dt.datetime(2027, 3, 27, 23, 30, tzinfo=dt.UTC),
        title="Minuit et demie",
    )
    response = as_editor.get(
        reverse("admin:articles_article_calendar"),
        {"vue": "jour", "date": "2027-03-28"},
    )
    (column,) = response.context["columns"]
    assert [e["article"] for e in column["entries"]] == [just_after_midnight]
    assert column["entries"][0]["time"].hour == 0


@time_machine.travel(T, tick=False)
def test_calendar_reschedules_in_one_click(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T + dt.timedelta(hours=3), title="À décaler"
    )
    as_editor.post(
        reverse("admin:articles_article_reschedule", args=[article.pk]),
        {"publish_at": "2026-06-16T08:15"},
    )
    article.refresh_from_db()
    assert article.publish_at == timezone.make_aware(dt.datetime(2026, 6, 16, 8, 15))


@time_machine.travel(T, tick=False)
def test_calendar_refuses_to_reschedule_into_the_past(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T + dt.timedelta(hours=3)
    )
    response = as_editor.post(
        reverse("admin:articles_article_reschedule", args=[article.pk]),
        {"publish_at": "2026-06-14T08:15"},
        follow=True,
    )
    article.refresh_from_db()
    assert article.publish_at == T + dt.timedelta(hours=3)
    assert "Cette date est passée" in response.text


# --- Overdue scheduled events -----------------------------------------------------


def test_run_overdue_button_catches_up(as_editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=timezone.now() - dt.timedelta(hours=1)
    )
    as_editor.post(reverse("admin:articles_article_run_overdue"))
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_journalist_cannot_run_overdue_events(as_journalist):
    response = as_journalist.post(reverse("admin:articles_article_run_overdue"))
    assert response.status_code == 403


# --- Dates the calendar does not show --------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "date=9999-12-31",
        "date=9999-12-31&vue=jour",
        "date=0001-01-01",
        "date=1899-12-31&vue=jour",
        "date=2100-01-01",
    ],
)
def test_calendar_at_a_date_nothing_can_be_scheduled_is_a_french_404(as_editor, query):
    as_editor.raise_request_exception = False
    response = as_editor.get(f"{reverse('admin:articles_article_calendar')}?{query}")
    assert response.status_code == 404
    assert "Cette page est introuvable" in response.text


def test_calendar_shows_the_last_week_of_2099(as_editor):
    response = as_editor.get(
        f"{reverse('admin:articles_article_calendar')}?date=2099-12-31"
    )
    assert response.status_code == 200
