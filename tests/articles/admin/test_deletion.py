"""« Supprimer » on an article's page puts it in the trash: a live one
needs a reason, which the editorial log keeps."""

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


def test_the_confirmation_says_the_article_goes_to_the_trash(as_editor):
    page = as_editor.get(delete_url(make_draft()))
    assert "à la corbeille" in page.text
    assert 'name="raison"' not in page.text


def test_a_live_article_is_not_deleted_without_a_reason(as_editor):
    article = make_article()
    response = as_editor.post(delete_url(article), {"raison": "  "})
    assert response.status_code == 200
    assert "Indiquez pourquoi" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_the_reason_for_deleting_a_live_article_is_logged(as_editor, editor):
    article = make_article(title="Article retiré")
    response = as_editor.post(
        delete_url(article), {"raison": "Doublon d’un autre article."}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETED)
    assert (event.article_title, event.actor, event.data["reason"]) == (
        "Article retiré",
        editor,
        "Doublon d’un autre article.",
    )


def test_deleting_moves_the_article_to_the_trash(as_editor):
    article = make_draft()
    response = as_editor.post(delete_url(article))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.TRASHED


def test_a_journalist_cannot_delete(as_journalist, own_draft):
    response = as_journalist.post(delete_url(own_draft))
    assert response.status_code == 403
    own_draft.refresh_from_db()
    assert own_draft.status == Article.Status.DRAFT
