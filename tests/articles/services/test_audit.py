"""What every service leaves behind: the notification hooks it calls."""

import pytest

from articles.models import Article, AuditEvent
from articles.services import article_send_back
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_notification_hooks_receive_each_event(
    editor, settings, django_capture_on_commit_callbacks
):
    calls = []
    settings.WORKFLOW_NOTIFIERS = ["tests.articles.services.test_audit.remember"]
    remember.calls = calls
    article = make_article(status=Status.REVIEW, publish_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        article_send_back(article=article, user=editor, comment="À revoir")
    assert [event.action for event in calls] == [AuditEvent.Action.SENT_BACK]


def test_a_failing_notification_hook_does_not_undo_the_transition(
    editor, settings, django_capture_on_commit_callbacks
):
    settings.WORKFLOW_NOTIFIERS = ["tests.articles.services.test_audit.explode"]
    article = make_article(status=Status.REVIEW, publish_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        article_send_back(article=article, user=editor, comment="À revoir")
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def remember(event):
    remember.calls.append(event)


def explode(event):
    raise RuntimeError("hook down")
