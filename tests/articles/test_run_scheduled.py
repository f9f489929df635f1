import datetime as dt
import threading
from io import StringIO

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent, ScheduledChange
from articles.revisions import article_snapshot
from articles.services import article_schedule_change, scheduled_events_run
from articles.services.scheduled_events import overdue_events
from core.formats import french_datetime
from tests.factories import make_article, make_editor

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
SECOND = dt.timedelta(seconds=1)


def scheduled(at=T, **overrides):
    return make_article(status=Status.SCHEDULED, publish_at=at, **overrides)


@pytest.fixture
def published_signals():
    seen = []

    def handle(sender, article, **kwargs):
        seen.append(article.pk)

    signals.article_published.connect(handle)
    yield seen
    signals.article_published.disconnect(handle)


@pytest.mark.django_db
def test_nothing_happens_one_second_before_publish_time():
    article = scheduled()
    assert scheduled_events_run(now=T - SECOND) == []
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED


@pytest.mark.django_db
def test_article_goes_live_at_publish_time():
    article = scheduled()
    events = scheduled_events_run(now=T)
    article.refresh_from_db()
    assert [(e.kind, e.article_id) for e in events] == [("live", article.pk)]
    assert (article.status, article.first_published_at) == (Status.PUBLISHED, T)


@pytest.mark.django_db
def test_go_live_after_downtime_records_the_time_readers_first_saw_it():
    article = scheduled()
    scheduled_events_run(now=T + dt.timedelta(hours=5))
    article.refresh_from_db()
    assert article.first_published_at == T


@pytest.mark.django_db
def test_each_event_is_handled_once_over_repeated_runs(
    published_signals, django_capture_on_commit_callbacks
):
    article = scheduled()
    with django_capture_on_commit_callbacks(execute=True):
        scheduled_events_run(now=T)
        scheduled_events_run(now=T + SECOND)
    assert published_signals == [article.pk]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.WENT_LIVE).count() == 1


@pytest.mark.django_db
def test_catch_up_handles_missed_events_in_order():
    first = scheduled(at=T - dt.timedelta(hours=2))
    second = scheduled(at=T - dt.timedelta(hours=1))
    events = scheduled_events_run(now=T)
    assert [e.article_id for e in events] == [first.pk, second.pk]


@pytest.mark.django_db
def test_article_goes_offline_at_unpublish_time_not_before():
    article = make_article(publish_at=T - dt.timedelta(days=1), unpublish_at=T)
    scheduled_events_run(now=T - SECOND)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    scheduled_events_run(now=T)
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED


@pytest.mark.django_db
def test_an_article_whose_whole_life_passed_during_downtime_goes_live_then_offline():
    article = scheduled(
        at=T - dt.timedelta(hours=2), unpublish_at=T - dt.timedelta(hours=1)
    )
    events = scheduled_events_run(now=T)
    article.refresh_from_db()
    assert [e.kind for e in events] == ["live", "offline"]
    assert article.status == Status.UNPUBLISHED


@pytest.mark.django_db
def test_run_scheduled_prints_one_line_per_event():
    scheduled(title="Le conseil se réunit")
    out = StringIO()
    with time_machine.travel(T + SECOND, tick=False):
        call_command("run_scheduled", stdout=out)
    assert out.getvalue() == (
        f"mise en ligne effectuée : « Le conseil se réunit » (id "
        f"{Article.objects.get().pk}), prévue le {french_datetime(T)}\n"
    )


@pytest.mark.django_db
def test_overdue_events_are_listed_until_run_scheduled_catches_up():
    article = scheduled()
    with time_machine.travel(T + dt.timedelta(minutes=5), tick=False):
        assert [e.article_id for e in overdue_events()] == [article.pk]
        call_command("run_scheduled", stdout=StringIO())
        assert overdue_events() == []


@pytest.mark.django_db
def test_run_scheduled_check_fails_when_events_are_overdue():
    scheduled()
    with (
        time_machine.travel(T + dt.timedelta(minutes=5), tick=False),
        pytest.raises(SystemExit) as exit_info,
    ):
        call_command("run_scheduled", "--check", stdout=StringIO())
    assert exit_info.value.code == 1


@pytest.mark.django_db
def test_admin_changelist_shows_overdue_events(admin_client):
    scheduled(title="Article en retard")
    with time_machine.travel(T + dt.timedelta(minutes=5), tick=False):
        response = admin_client.get("/admin/articles/article/")
    assert "en retard" in response.text
    assert "« Article en retard »" in response.text


# --- A new version of a live article at T ----------------------------------------


def schedule_new_title(article, title, at=T):
    content = article_snapshot(article) | {"title": title}
    with time_machine.travel(at - dt.timedelta(hours=1), tick=False):
        return article_schedule_change(
            article=article, user=make_editor(), content=content, apply_at=at
        )


@pytest.fixture
def live_article(db):
    cache.clear()
    return make_article(title="Titre du matin", publish_at=T - dt.timedelta(days=1))


def test_readers_see_the_old_version_one_second_before_a_scheduled_change(
    client, live_article
):
    schedule_new_title(live_article, "Titre de midi")
    with time_machine.travel(T - SECOND, tick=False):
        response = client.get(live_article.get_absolute_url())
    assert "Titre du matin" in response.text


def test_readers_see_the_new_version_at_the_second_of_a_scheduled_change(
    client, live_article
):
    schedule_new_title(live_article, "Titre de midi")
    with time_machine.travel(T - SECOND, tick=False):
        client.get(live_article.get_absolute_url())
    with time_machine.travel(T, tick=False):
        response = client.get(live_article.get_absolute_url())
    assert "Titre de midi" in response.text


def test_reading_a_page_at_the_second_of_a_scheduled_change_writes_nothing(
    client, live_article
):
    change = schedule_new_title(live_article, "Titre de midi")
    with (
        time_machine.travel(T, tick=False),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(live_article.get_absolute_url())
    assert "Titre de midi" in response.text
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    change.refresh_from_db()
    assert change.state == ScheduledChange.State.PENDING


def test_new_url_of_a_due_scheduled_slug_shows_the_article_before_the_worker(
    client, live_article
):
    schedule_new_slug(live_article, "titre-de-midi")
    with time_machine.travel(T, tick=False):
        old = client.get(live_article.get_absolute_url())
        new = client.get(old["Location"])
    assert new.status_code == 200
    assert live_article.title in new.text


def test_a_scheduled_change_is_applied_once_and_stored_as_a_revision(live_article):
    change = schedule_new_title(live_article, "Titre de midi")
    scheduled_events_run(now=T)
    scheduled_events_run(now=T + SECOND)
    change.refresh_from_db()
    assert change.state == ScheduledChange.State.APPLIED
    assert change.revision.content["title"] == "Titre de midi"
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE_APPLIED).count() == 1
    )


def test_a_scheduled_change_moves_the_cache_deadline(live_article):
    schedule_new_title(live_article, "Titre de midi")
    assert Article.objects.next_visibility_change(after=T - dt.timedelta(hours=1)) == T


def schedule_new_slug(article, slug, at=T):
    content = article_snapshot(article) | {"slug": slug}
    with time_machine.travel(at - dt.timedelta(hours=1), tick=False):
        return article_schedule_change(
            article=article, user=make_editor(), content=content, apply_at=at
        )


def test_old_url_answers_301_once_a_scheduled_new_slug_is_applied(client, live_article):
    old_url = live_article.get_absolute_url()
    schedule_new_slug(live_article, "titre-de-midi")
    scheduled_events_run(now=T)
    live_article.refresh_from_db()
    assert live_article.slug == "titre-de-midi"
    with time_machine.travel(T + SECOND, tick=False):
        response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == live_article.get_absolute_url()


def test_reader_on_the_old_url_at_the_second_of_a_new_slug_is_redirected(
    client, live_article
):
    old_url = live_article.get_absolute_url()
    schedule_new_slug(live_article, "titre-de-midi")
    with time_machine.travel(T, tick=False):
        response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/titre-de-midi/")


def test_a_scheduled_slug_taken_since_leaves_the_address_as_it_is(live_article):
    slug = live_article.slug
    schedule_new_slug(live_article, "titre-de-midi")
    make_article(slug="titre-de-midi")
    scheduled_events_run(now=T)
    live_article.refresh_from_db()
    assert live_article.slug == slug


# --- Daylight saving time (Europe/Paris) ---------------------------------------------

# 29 March 2026: 02:00 CET jumps to 03:00 CEST. 25 October 2026: 03:00 CEST
# falls back to 02:00 CET.
SPRING_0300 = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
AUTUMN_0300 = dt.datetime(2026, 10, 25, 2, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@pytest.mark.parametrize("go_live", [SPRING_0300, AUTUMN_0300])
def test_go_live_on_a_daylight_saving_day_happens_at_the_exact_second(go_live):
    article = scheduled(at=go_live)
    assert scheduled_events_run(now=go_live - SECOND) == []
    assert [e.article_id for e in scheduled_events_run(now=go_live)] == [article.pk]


def test_paris_times_around_the_autumn_change_are_shown_as_paris_clocks_read():
    first_0230 = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    second_0230 = dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)
    assert french_datetime(first_0230) == "25 octobre 2026 à 2\u00a0h\u00a030"
    assert french_datetime(second_0230) == "25 octobre 2026 à 2\u00a0h\u00a030"


def test_paris_time_just_after_the_spring_change_is_three_o_clock():
    assert french_datetime(SPRING_0300) == "29 mars 2026 à 3\u00a0h\u00a000"


# --- Several processes at once (PostgreSQL row locks) -----------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_due_articles_are_taken_with_skip_locked_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite serialises writers instead")
    scheduled()
    with CaptureQueriesContext(connection) as queries:
        scheduled_events_run(now=T)
    assert any("FOR UPDATE SKIP LOCKED" in q["sql"] for q in queries)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_run_scheduled_handles_each_event_exactly_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks and several connections")
    articles = [scheduled(at=T - dt.timedelta(seconds=n)) for n in range(40)]
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


# --- What readers' requests pay --------------------------------------------------------


def test_next_visibility_change_is_one_query(db, django_assert_num_queries):
    scheduled()
    with django_assert_num_queries(1):
        Article.objects.next_visibility_change(after=T - SECOND)
