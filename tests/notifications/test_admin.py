"""« Mes notifications » in the admin: one's own, and marking them read."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from core.adminpages import admin_url
from notifications.models import Notification
from tests.factories import make_article, make_journalist

pytestmark = pytest.mark.django_db


def notify(user, text):
    return Notification.objects.create(
        recipient=user, article=make_article(), text=text, comment="Sources ?"
    )


def test_a_journalist_reads_their_own_notifications_only(as_journalist, journalist):
    notify(journalist, "« Le budget » vous a été renvoyé par Anne Martin.")
    notify(make_journalist(), "« Autre chose » vous a été renvoyé.")
    page = as_journalist.get(admin_url(Notification, "changelist"))
    assert page.status_code == 200
    assert "Mes notifications" in page.text
    assert "« Le budget » vous a été renvoyé par Anne Martin." in page.text
    assert "Sources ?" in page.text
    assert "Autre chose" not in page.text


def test_someone_elses_notification_is_not_found(as_journalist):
    other = notify(make_journalist(), "Pas pour vous.")
    response = as_journalist.get(admin_url(Notification, "change", other.pk))
    assert response.status_code == 302  # the admin's « does not exist » redirect
    assert Notification.objects.get(pk=other.pk).read_at is None


def test_notifications_are_marked_read(as_journalist, journalist):
    mine = notify(journalist, "À lire.")
    as_journalist.post(
        admin_url(Notification, "changelist"),
        {"action": "mark_read", ACTION_CHECKBOX_NAME: [mine.pk]},
    )
    mine.refresh_from_db()
    assert mine.read_at is not None
