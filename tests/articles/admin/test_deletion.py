"""Deleting an article from its page: a live one needs a reason, which the
editorial log keeps."""

import pytest

from articles.models import Article, AuditEvent
from core.adminpages import admin_url
from tests.factories import make_article, make_draft

pytestmark = pytest.mark.django_db


def delete_url(article):
    return admin_url(Article, "delete", article.pk)


def test_deleting_a_live_article_asks_for_a_reason(as_editor):
    article = make_article()
    page = as_editor.get(delete_url(article))
    assert 'name="raison"' in page.text
    assert "en ligne" in page.text


def test_a_live_article_is_not_deleted_without_a_reason(as_editor):
    article = make_article()
    response = as_editor.post(delete_url(article), {"post": "yes", "raison": "  "})
    assert response.status_code == 200
    assert "Indiquez pourquoi" in response.text
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_reason_for_deleting_a_live_article_is_logged(as_editor, editor):
    article = make_article(title="Article retiré")
    response = as_editor.post(
        delete_url(article), {"post": "yes", "raison": "Doublon d’un autre article."}
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETED)
    assert (event.article_title, event.comment, event.actor) == (
        "Article retiré",
        "Doublon d’un autre article.",
        editor,
    )


def test_a_draft_is_deleted_without_a_reason(as_editor):
    article = make_draft()
    response = as_editor.post(delete_url(article), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETED).exists()
