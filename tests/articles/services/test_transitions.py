"""The workflow: submit, send back, schedule, unschedule, publish, unpublish."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, AuditEvent
from articles.services import (
    WorkflowError,
    article_publish,
    article_schedule,
    article_send_back,
    article_submit,
    article_unpublish,
    article_unschedule,
)
from tests.factories import make_article, make_draft, make_journalist

pytestmark = pytest.mark.django_db

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


def test_journalist_submits_their_draft_for_review(journalist):
    article = make_draft(created_by=journalist)
    article_submit(article=article, user=journalist, comment="Prêt")
    assert article.status == Status.REVIEW


def test_submission_is_recorded_with_who_and_comment(journalist):
    article = make_draft(created_by=journalist)
    article_submit(article=article, user=journalist, comment="Prêt")
    event = AuditEvent.objects.get(article=article)
    assert (
        event.action,
        event.actor,
        event.comment,
        event.from_status,
        event.to_status,
    ) == (
        AuditEvent.Action.SUBMITTED,
        journalist,
        "Prêt",
        Status.DRAFT,
        Status.REVIEW,
    )


def test_journalist_cannot_submit_someone_elses_draft(journalist):
    article = make_draft(created_by=make_journalist())
    with pytest.raises(PermissionDenied):
        article_submit(article=article, user=journalist)


def test_only_a_draft_can_be_submitted(journalist):
    article = make_article(status=Status.REVIEW, publish_at=None, created_by=journalist)
    with pytest.raises(WorkflowError):
        article_submit(article=article, user=journalist)


def test_journalist_cannot_publish(journalist):
    article = make_draft(created_by=journalist)
    with pytest.raises(PermissionDenied):
        article_publish(article=article, user=journalist)
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_journalist_cannot_schedule(journalist):
    article = make_draft(created_by=journalist)
    with pytest.raises(PermissionDenied):
        article_schedule(
            article=article,
            user=journalist,
            publish_at=timezone.now() + dt.timedelta(hours=1),
        )


def test_send_back_needs_a_comment(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(WorkflowError):
        article_send_back(article=article, user=editor, comment="  ")


def test_send_back_returns_the_article_to_draft_with_the_comment(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    article_send_back(article=article, user=editor, comment="Sourcez le chiffre.")
    event = AuditEvent.objects.get(article=article, action=AuditEvent.Action.SENT_BACK)
    assert article.status == Status.DRAFT
    assert event.comment == "Sourcez le chiffre."


def test_journalist_cannot_send_back(journalist):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(PermissionDenied):
        article_send_back(article=article, user=journalist, comment="Non")


@time_machine.travel(T, tick=False)
def test_editor_schedules_an_article_for_later(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    article_schedule(article=article, user=editor, publish_at=T + dt.timedelta(hours=2))
    assert (article.status, article.publish_at) == (
        Status.SCHEDULED,
        T + dt.timedelta(hours=2),
    )


@time_machine.travel(T, tick=False)
def test_scheduling_in_the_past_is_refused(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(WorkflowError, match="Publier maintenant"):
        article_schedule(article=article, user=editor, publish_at=T)


@time_machine.travel(T, tick=False)
def test_scheduling_an_article_with_publication_problems_is_refused(editor):
    article = make_article(status=Status.REVIEW, publish_at=None, body="")
    with pytest.raises(WorkflowError, match="Le texte de l’article est vide"):
        article_schedule(
            article=article, user=editor, publish_at=T + dt.timedelta(hours=1)
        )
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_publishing_an_article_with_publication_problems_is_refused(editor):
    article = make_article(status=Status.REVIEW, publish_at=None, title="  ")
    with pytest.raises(WorkflowError, match="Le titre est vide"):
        article_publish(article=article, user=editor)


@time_machine.travel(T, tick=False)
def test_unpublish_date_must_follow_publish_date(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(WorkflowError):
        article_schedule(
            article=article,
            user=editor,
            publish_at=T + dt.timedelta(hours=2),
            unpublish_at=T + dt.timedelta(hours=1),
        )


@time_machine.travel(T, tick=False)
def test_publish_now_sets_publication_times_and_signals_once(
    editor, received, django_capture_on_commit_callbacks
):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, user=editor)
    with pytest.raises(WorkflowError, match="déjà publié"):
        article_publish(article=article, user=editor)
    assert (article.status, article.publish_at, article.first_published_at) == (
        Status.PUBLISHED,
        T,
        T,
    )
    assert received == [("published", article.pk)]


@time_machine.travel(T, tick=False)
def test_publishing_a_schedule_that_came_keeps_its_time_and_sends_no_signal(
    editor, received, django_capture_on_commit_callbacks
):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T - dt.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, user=editor)
    assert (article.status, article.publish_at, article.first_published_at) == (
        Status.PUBLISHED,
        T - dt.timedelta(minutes=5),
        T - dt.timedelta(minutes=5),
    )
    assert received == []


@time_machine.travel(T, tick=False)
def test_republishing_keeps_the_original_publication_date(editor):
    first = T - dt.timedelta(days=3)
    article = make_article(
        status=Status.UNPUBLISHED, publish_at=first, first_published_at=first
    )
    article_publish(article=article, user=editor)
    assert (article.publish_at, article.first_published_at) == (first, first)


@time_machine.travel(T, tick=False)
def test_unpublish_hides_the_article_now_and_signals(
    editor, received, django_capture_on_commit_callbacks
):
    article = make_article(publish_at=T - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article, user=editor, comment="Erreur")
    assert article.status == Status.UNPUBLISHED
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert received == [("unpublished", article.pk)]


@time_machine.travel(T, tick=False)
def test_unpublish_at_a_later_time_keeps_the_article_live_until_then(editor):
    article = make_article(publish_at=T - dt.timedelta(hours=1))
    article_unpublish(article=article, user=editor, at=T + dt.timedelta(hours=1))
    assert article.status == Status.PUBLISHED
    assert (
        Article.objects.published(at=T + dt.timedelta(minutes=59))
        .filter(pk=article.pk)
        .exists()
    )
    assert (
        not Article.objects.published(at=T + dt.timedelta(hours=1))
        .filter(pk=article.pk)
        .exists()
    )


@time_machine.travel(T, tick=False)
def test_unschedule_returns_a_future_schedule_to_review(editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T + dt.timedelta(hours=1)
    )
    article_unschedule(article=article, user=editor)
    assert article.status == Status.REVIEW


@time_machine.travel(T, tick=False)
def test_a_live_schedule_cannot_be_sent_back(editor):
    article = make_article(
        status=Status.SCHEDULED, publish_at=T - dt.timedelta(seconds=1)
    )
    with pytest.raises(WorkflowError):
        article_send_back(article=article, user=editor, comment="Trop tard")


# --- Dates outside the years anything may be scheduled in (1900 to 2099) -----------

YEAR_9999 = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC)
YEAR_1 = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


@time_machine.travel(T, tick=False)
def test_schedule_in_year_9999_is_refused_in_french(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(WorkflowError, match="entre 1900 et 2099"):
        article_schedule(article=article, user=editor, publish_at=YEAR_9999)
    article.refresh_from_db()
    assert article.status == Status.REVIEW


@time_machine.travel(T, tick=False)
def test_schedule_with_an_unpublication_in_year_9999_is_refused(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    with pytest.raises(WorkflowError, match="entre 1900 et 2099"):
        article_schedule(
            article=article,
            user=editor,
            publish_at=T + dt.timedelta(days=1),
            unpublish_at=YEAR_9999,
        )


@time_machine.travel(T, tick=False)
def test_unpublication_on_the_first_of_january_of_year_1_is_refused(editor):
    article = make_article(publish_at=T - dt.timedelta(hours=1))
    with pytest.raises(WorkflowError, match="entre 1900 et 2099"):
        article_unpublish(article=article, user=editor, at=YEAR_1)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.unpublish_at is None


@time_machine.travel(T, tick=False)
def test_schedule_on_the_last_day_of_2099_is_accepted(editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    at = timezone.make_aware(dt.datetime(2099, 12, 31, 23, 0))
    article_schedule(article=article, user=editor, publish_at=at)
    assert article.publish_at == at
