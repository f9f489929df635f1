"""The article list's actions: each article goes through its service,
and what is refused is named."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

Status = Article.Status
T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


@time_machine.travel(T, tick=False)
def test_bulk_schedule_asks_for_the_date_then_schedules_each(as_editor):
    first, second = (
        make_article(status=Status.REVIEW, publish_at=None) for _ in range(2)
    )
    url = reverse("admin:articles_article_changelist")
    selection = {
        "action": "schedule_selected",
        "_selected_action": [first.pk, second.pk],
    }
    page = as_editor.post(url, selection)
    assert "Mettre en ligne le&nbsp;:" in page.text
    as_editor.post(url, selection | {"apply": "1", "publish_at": "2026-06-15T18:00"})
    first.refresh_from_db()
    second.refresh_from_db()
    expected = timezone.make_aware(dt.datetime(2026, 6, 15, 18, 0))
    assert (first.publish_at, second.publish_at) == (expected, expected)
    assert {first.status, second.status} == {Status.SCHEDULED}


def test_bulk_publish_publishes_what_it_can_and_names_what_it_cannot(as_editor):
    good = make_article(status=Status.REVIEW, publish_at=None)
    empty = make_article(
        status=Status.REVIEW, publish_at=None, body="", title="Sans texte"
    )
    response = as_editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [good.pk, empty.pk]},
        follow=True,
    )
    good.refresh_from_db()
    empty.refresh_from_db()
    assert (good.status, empty.status) == (Status.PUBLISHED, Status.REVIEW)
    assert "« Sans texte » : L’article ne peut pas être mis en ligne" in response.text


def test_bulk_send_back_requires_a_comment(as_editor):
    article = make_article(status=Status.REVIEW, publish_at=None)
    url = reverse("admin:articles_article_changelist")
    selection = {
        "action": "send_back_selected",
        "_selected_action": [article.pk],
        "apply": "1",
    }
    as_editor.post(url, selection | {"comment": ""})
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    as_editor.post(url, selection | {"comment": "Trop long"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_journalist_bulk_publish_is_refused(as_journalist, own_draft):
    as_journalist.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [own_draft.pk]},
    )
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT


def test_journalist_bulk_submit_skips_other_peoples_articles(
    as_journalist, own_draft, others_draft
):
    as_journalist.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "submit_selected",
            "_selected_action": [own_draft.pk, others_draft.pk],
        },
    )
    own_draft.refresh_from_db()
    others_draft.refresh_from_db()
    assert (own_draft.status, others_draft.status) == (Status.REVIEW, Status.DRAFT)


def test_journalist_does_not_see_editor_bulk_actions(as_journalist, own_draft):
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert "submit_selected" in response.text
    assert "publish_selected" not in response.text


# --- « Supprimer » moves the selection to the trash ------------------------------------


def test_django_s_own_bulk_delete_is_not_offered(as_editor):
    make_article()
    page = as_editor.get(reverse("admin:articles_article_changelist"))
    assert 'value="delete_selected"' not in page.text
    assert 'value="trash_selected"' in page.text


def test_django_s_own_bulk_delete_deletes_nothing(as_editor):
    article = make_article(status=Status.DRAFT, publish_at=None)
    as_editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_bulk_delete_of_drafts_moves_them_to_the_trash(as_editor):
    drafts = [make_article(status=Status.DRAFT, publish_at=None) for _ in range(2)]
    url = reverse("admin:articles_article_changelist")
    selection = {
        "action": "trash_selected",
        "_selected_action": [a.pk for a in drafts],
    }
    as_editor.post(url, selection | {"apply": "1"})
    assert {a.status for a in Article.objects.all()} == {Status.TRASHED}


def test_bulk_delete_asks_one_reason_for_the_live_articles(as_editor):
    live = make_article(title="En ligne")
    url = reverse("admin:articles_article_changelist")
    page = as_editor.post(
        url, {"action": "trash_selected", "_selected_action": [live.pk]}
    )
    assert "En ligne\u00a0: «\u00a0En ligne\u00a0»" in page.text
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED


def test_bulk_delete_of_live_articles_needs_the_reason(as_editor):
    live = make_article()
    draft = make_article(status=Status.DRAFT, publish_at=None)
    url = reverse("admin:articles_article_changelist")
    selection = {"action": "trash_selected", "_selected_action": [live.pk, draft.pk]}
    page = as_editor.post(url, selection | {"apply": "1", "reason": " "})
    assert "Indiquez pourquoi" in page.text
    assert not Article.objects.filter(status=Status.TRASHED).exists()


def test_bulk_delete_keeps_the_reason_of_each_live_article(as_editor):
    live = [make_article() for _ in range(2)]
    url = reverse("admin:articles_article_changelist")
    selection = {"action": "trash_selected", "_selected_action": [a.pk for a in live]}
    as_editor.post(url, selection | {"apply": "1", "reason": "Doublons."})
    assert {(a.status, a.trash_reason) for a in Article.objects.all()} == {
        (Status.TRASHED, "Doublons.")
    }
