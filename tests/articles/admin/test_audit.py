"""The editorial log: filterable, and read only."""

import pytest
from django.urls import reverse

from articles.models import Article, AuditEvent
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_audit_log_is_filterable_by_action(as_editor, editor):
    submitted = make_article(status=Status.REVIEW, publish_at=None, title="Soumis")
    published = make_article(
        status=Status.REVIEW, publish_at=None, title="Publié tout de suite"
    )
    as_editor.post(
        reverse("admin:articles_article_workflow", args=[published.pk, "publier"]), {}
    )
    AuditEvent.objects.create(
        article=submitted, article_title=submitted.title, action="submitted"
    )
    response = as_editor.get(
        reverse("admin:articles_auditevent_changelist"), {"action__exact": "published"}
    )
    assert "Publié tout de suite" in response.text
    assert ">Soumis<" not in response.text


def test_audit_log_cannot_be_edited(as_editor):
    article = make_article()
    event = AuditEvent.objects.create(
        article=article, article_title="x", action="edited"
    )
    response = as_editor.post(
        reverse("admin:articles_auditevent_change", args=[event.pk]),
        {"comment": "réécrit"},
    )
    event.refresh_from_db()
    assert response.status_code == 403
    assert event.comment == ""
