"""What follows a scheduled time: going live, going offline, each
handled once (the command: tests/articles/test_run_scheduled.py)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent
from articles.services import scheduled_events_run
from tests.factories import make_article, make_scheduled_article

pytestmark = pytest.mark.django_db

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
SECOND = dt.timedelta(seconds=1)


@pytest.fixture
def published_signals():
    seen = []

    def handle(sender, article, **kwargs):
        seen.append(article.pk)

    signals.article_published.connect(handle)
    yield seen
    signals.article_published.disconnect(handle)


def test_nothing_happens_one_second_before_publish_time():
    article = make_scheduled_article(T)
    assert scheduled_events_run(now=T - SECOND) == []
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED


def test_article_goes_live_at_publish_time():
    article = make_scheduled_article(T)
    events = scheduled_events_run(now=T)
    article.refresh_from_db()
    assert [(e.kind, e.article_id) for e in events] == [("live", article.pk)]
    assert (article.status, article.first_published_at) == (Status.PUBLISHED, T)


def test_go_live_after_downtime_records_the_time_readers_first_saw_it():
    article = make_scheduled_article(T)
    scheduled_events_run(now=T + dt.timedelta(hours=5))
    article.refresh_from_db()
    assert article.first_published_at == T


def test_each_event_is_handled_once_over_repeated_runs(
    published_signals, django_capture_on_commit_callbacks
):
    article = make_scheduled_article(T)
    with django_capture_on_commit_callbacks(execute=True):
        scheduled_events_run(now=T)
        scheduled_events_run(now=T + SECOND)
    assert published_signals == [article.pk]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.WENT_LIVE).count() == 1


def test_catch_up_handles_missed_events_in_order():
    first = make_scheduled_article(T - dt.timedelta(hours=2))
    second = make_scheduled_article(T - dt.timedelta(hours=1))
    events = scheduled_events_run(now=T)
    assert [e.article_id for e in events] == [first.pk, second.pk]


def test_article_goes_offline_at_unpublish_time_not_before():
    article = make_article(publish_at=T - dt.timedelta(days=1), unpublish_at=T)
    scheduled_events_run(now=T - SECOND)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    scheduled_events_run(now=T)
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED


def test_an_article_whose_whole_life_passed_during_downtime_goes_live_then_offline():
    article = make_scheduled_article(
        T - dt.timedelta(hours=2), unpublish_at=T - dt.timedelta(hours=1)
    )
    events = scheduled_events_run(now=T)
    article.refresh_from_db()
    assert [e.kind for e in events] == ["live", "offline"]
    assert article.status == Status.UNPUBLISHED


# --- Daylight saving time (Europe/Paris) ---------------------------------------------

# 29 March 2026: 02:00 CET jumps to 03:00 CEST. 25 October 2026: 03:00 CEST
# falls back to 02:00 CET.
SPRING_0300 = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
AUTUMN_0300 = dt.datetime(2026, 10, 25, 2, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("go_live", [SPRING_0300, AUTUMN_0300])
def test_go_live_on_a_daylight_saving_day_happens_at_the_exact_second(go_live):
    article = make_scheduled_article(go_live)
    assert scheduled_events_run(now=go_live - SECOND) == []
    assert [e.article_id for e in scheduled_events_run(now=go_live)] == [article.pk]


# --- Several processes at once (PostgreSQL row locks) -----------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_due_articles_are_taken_with_skip_locked_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite serialises writers instead")
    make_scheduled_article(T)
    with CaptureQueriesContext(connection) as queries:
        scheduled_events_run(now=T)
    assert any("FOR UPDATE SKIP LOCKED" in q["sql"] for q in queries)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_run_scheduled_handles_each_event_exactly_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks and several connections")
    articles = [make_scheduled_article(T - dt.timedelta(seconds=n)) for n in range(40)]
    offline = [
        make_article(
            publish_at=T - dt.timedelta(days=1),
            unpublish_at=T - dt.timedelta(seconds=n),
        )
        for n in range(10)
    ]
    published, lock = [], threading.Lock()

    def handle(sender, article, **kwargs):
        with lock:
            published.append(article.pk)

    signals.article_published.connect(handle)
    start = threading.Barrier(4)
    handled = {}

    def worker(n):
        try:
            start.wait()
            handled[n] = scheduled_events_run(now=T)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        signals.article_published.disconnect(handle)

    all_events = [e for events in handled.values() for e in events]
    assert len(handled) == 4
    assert sorted(e.article_id for e in all_events if e.kind == "live") == sorted(
        a.pk for a in articles
    )
    assert sorted(e.article_id for e in all_events if e.kind == "offline") == sorted(
        a.pk for a in offline
    )
    assert sorted(published) == sorted(a.pk for a in articles)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.WENT_LIVE).count() == 40
    assert not Article.objects.filter(status=Status.SCHEDULED).exists()
