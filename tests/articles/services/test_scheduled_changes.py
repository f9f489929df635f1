"""A new version of a live article at T: readers see it from T, before
``run_scheduled`` writes it into the article (scheduling it from the
edit page: tests/articles/admin/test_scheduled_changes.py)."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, AuditEvent, ScheduledChange
from articles.revisions import article_snapshot
from articles.services import (
    WorkflowError,
    article_schedule_change,
    scheduled_events_run,
)
from tests.factories import make_article, make_editor

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
SECOND = dt.timedelta(seconds=1)


def schedule_new_title(article, title, at=T):
    content = article_snapshot(article) | {"title": title}
    with time_machine.travel(at - dt.timedelta(hours=1), tick=False):
        return article_schedule_change(
            article=article, user=make_editor(), content=content, apply_at=at
        )


def schedule_new_slug(article, slug, at=T):
    content = article_snapshot(article) | {"slug": slug}
    with time_machine.travel(at - dt.timedelta(hours=1), tick=False):
        return article_schedule_change(
            article=article, user=make_editor(), content=content, apply_at=at
        )


@pytest.fixture
def live_article(db):
    cache.clear()
    return make_article(title="Titre du matin", publish_at=T - dt.timedelta(days=1))


# --- What readers see ---------------------------------------------------------------


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


def test_reader_on_the_old_url_at_the_second_of_a_new_slug_is_redirected(
    client, live_article
):
    old_url = live_article.get_absolute_url()
    schedule_new_slug(live_article, "titre-de-midi")
    with time_machine.travel(T, tick=False):
        response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/titre-de-midi/")


def test_a_scheduled_change_moves_the_cache_deadline(live_article):
    schedule_new_title(live_article, "Titre de midi")
    assert Article.objects.next_visibility_change(after=T - dt.timedelta(hours=1)) == T


# --- Applied by run_scheduled -------------------------------------------------------


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


def test_a_scheduled_slug_taken_since_leaves_the_address_as_it_is(live_article):
    slug = live_article.slug
    schedule_new_slug(live_article, "titre-de-midi")
    make_article(slug="titre-de-midi")
    scheduled_events_run(now=T)
    live_article.refresh_from_db()
    assert live_article.slug == slug


def test_new_version_scheduled_in_year_9999_is_refused_in_french(live_article):
    with pytest.raises(WorkflowError, match="entre 1900 et 2099"):
        schedule_new_title(
            live_article,
            "Plus tard",
            at=dt.datetime(9999, 12, 31, tzinfo=dt.UTC),
        )
    assert not ScheduledChange.objects.exists()
