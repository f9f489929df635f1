"""Who hears of which workflow step, in the admin and by email."""

import pytest

from articles.models import ArticleAuthor
from articles.services import article_publish, article_send_back, article_submit
from notifications.models import Notification
from tests.factories import make_draft, make_editor, make_journalist

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    journalist = make_journalist(
        email="lea@exemple.fr", first_name="Léa", last_name="Fontaine"
    )
    editor = make_editor(email="anne@exemple.fr", first_name="Anne", last_name="Martin")
    article = make_draft(created_by=journalist, title="Le budget")
    return journalist, editor, article


def inbox(user):
    return [(n.text, n.comment) for n in Notification.objects.filter(recipient=user)]


def test_a_sent_back_article_is_in_its_journalists_inbox_with_the_comment(
    newsroom, django_capture_on_commit_callbacks
):
    journalist, editor, article = newsroom
    with django_capture_on_commit_callbacks(execute=True):
        article_submit(article=article, user=journalist, comment="")
        article_send_back(article=article, user=editor, comment="Sources ?")
    assert inbox(journalist) == [
        ("« Le budget » vous a été renvoyé par Anne Martin.", "Sources ?")
    ]


def test_a_submitted_article_is_in_every_editors_inbox_but_not_its_authors(
    newsroom, django_capture_on_commit_callbacks
):
    journalist, editor, article = newsroom
    with django_capture_on_commit_callbacks(execute=True):
        article_submit(article=article, user=journalist, comment="Prêt.")
    assert inbox(editor) == [
        ("« Le budget » est soumis à la relecture par Léa Fontaine.", "Prêt.")
    ]
    assert inbox(journalist) == []


def test_a_published_article_is_in_its_bylined_authors_inboxes(
    newsroom, django_capture_on_commit_callbacks
):
    journalist, editor, article = newsroom
    colleague = make_journalist()
    ArticleAuthor.objects.create(article=article, author=colleague.author)
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, user=editor, comment="")
    assert inbox(journalist) == [("« Le budget » est publié.", "")]
    assert inbox(colleague) == [("« Le budget » est publié.", "")]
    assert inbox(editor) == []


def test_notifications_go_by_email_when_email_is_configured(
    newsroom, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.NOTIFICATIONS_BY_EMAIL = True
    journalist, editor, article = newsroom
    with django_capture_on_commit_callbacks(execute=True):
        article_submit(article=article, user=journalist, comment="")
        article_send_back(article=article, user=editor, comment="Sources ?")
    to_journalist = [m for m in mailoutbox if m.to == ["lea@exemple.fr"]]
    assert len(to_journalist) == 1
    assert "vous a été renvoyé" in to_journalist[0].subject
    assert "« Sources ? »" in to_journalist[0].body
    assert f"/admin/articles/article/{article.pk}/change/" in to_journalist[0].body


def test_no_email_unless_configured(
    newsroom, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.NOTIFICATIONS_BY_EMAIL = False
    journalist, _, article = newsroom
    with django_capture_on_commit_callbacks(execute=True):
        article_submit(article=article, user=journalist, comment="")
    assert mailoutbox == []
