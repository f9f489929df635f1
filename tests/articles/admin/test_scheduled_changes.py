"""A new version of a live article, scheduled from its edit page (what
happens at its time: tests/articles/services/test_scheduled_changes.py)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ScheduledChange
from tests.factories import make_article
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_editor_schedules_changes_to_a_live_article_without_touching_it(
    change_url, as_editor
):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Version de ce soir",
        "_schedule_change": "1",
        "changes_apply_at": "2099-06-15T20:00",
    }
    response = as_editor.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    change = ScheduledChange.objects.get(article=article)
    assert article.title == "Version en ligne"
    assert change.content["title"] == "Version de ce soir"
    assert change.apply_at == timezone.make_aware(dt.datetime(2099, 6, 15, 20, 0))
    assert "Modifications programmées pour le 15 juin 2099 à 20" in response.text


def test_scheduling_changes_needs_a_date(change_url, as_editor):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Sans date",
        "_schedule_change": "1",
    }
    response = as_editor.post(change_url(article), data)
    assert "Indiquez quand mettre en ligne ces modifications." in response.text
    assert not ScheduledChange.objects.exists()


def test_editor_cancels_a_scheduled_change(change_url, as_editor):
    article = make_article(title="Version en ligne")
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Plus tard",
        "_schedule_change": "1",
        "changes_apply_at": "2099-06-15T20:00",
    }
    as_editor.post(change_url(article), data)
    change = ScheduledChange.objects.get()
    as_editor.post(
        reverse("admin:articles_article_scheduled_change", args=[article.pk, change.pk])
    )
    change.refresh_from_db()
    assert change.state == ScheduledChange.State.CANCELLED


def test_journalist_cannot_schedule_a_new_version(change_url, as_journalist, own_draft):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "_schedule_change": "1",
        "changes_apply_at": "2099-01-01T10:00",
    }
    as_journalist.post(change_url(own_draft), data)
    assert not ScheduledChange.objects.exists()


def test_scheduled_text_is_never_offered_back_as_unsaved_work(change_url, as_editor):
    article = make_article(title="Version en ligne")
    url = change_url(article)
    page = as_editor.get(url)
    # The edit page's autosave while the new version was being written.
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Version de ce soir", "body": "<p>Nouveau.</p>"},
    )
    data = form_data(page) | {
        "title": "Version de ce soir",
        "body": "<p>Nouveau.</p>",
        "_schedule_change": "1",
        "changes_apply_at": "2099-06-15T20:00",
    }
    page = as_editor.post(url, data, follow=True)
    assert "Le reprendre" not in page.text
    change = ScheduledChange.objects.get(article=article)
    # The page's local copy is older than the scheduled version.
    assert f'data-saved-at="{change.created_at.isoformat()}"' in page.text
