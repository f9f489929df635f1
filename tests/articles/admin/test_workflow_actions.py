"""The workflow's buttons on the edit page, and the pages behind them."""

import pytest

from articles.models import Article
from tests.factories import make_article, make_journalist

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_journalist_sees_submit_on_their_draft(change_url, client):
    journalist = make_journalist()
    article = make_article(status=Status.DRAFT, publish_at=None, created_by=journalist)
    client.force_login(journalist)
    response = client.get(change_url(article))
    assert ">Soumettre</a>" in response.text
    assert "Publier maintenant" not in response.text


def test_editor_sees_schedule_and_publish_on_an_article_to_review(
    change_url, as_editor
):
    article = make_article(status=Status.REVIEW, publish_at=None)
    response = as_editor.get(change_url(article))
    assert ">Programmer</a>" in response.text
    assert ">Publier maintenant</a>" in response.text
    assert ">Renvoyer au journaliste</a>" in response.text


@pytest.mark.parametrize("action", ["publier", "programmer", "depublier", "renvoyer"])
def test_journalist_cannot_open_editor_actions(
    workflow_url, as_journalist, own_draft, action
):
    assert as_journalist.get(workflow_url(own_draft, action)).status_code == 403


def test_journalist_cannot_publish_through_a_crafted_action_post(
    workflow_url, as_journalist, own_draft
):
    response = as_journalist.post(workflow_url(own_draft, "publier"), {"comment": ""})
    own_draft.refresh_from_db()
    assert response.status_code == 403
    assert own_draft.status == Status.DRAFT


def test_journalist_submits_through_the_action_page(
    workflow_url, as_journalist, own_draft
):
    as_journalist.post(workflow_url(own_draft, "soumettre"), {"comment": "Relu"})
    own_draft.refresh_from_db()
    assert own_draft.status == Status.REVIEW


def test_journalist_cannot_submit_another_journalists_draft(
    workflow_url, as_journalist, others_draft
):
    as_journalist.post(workflow_url(others_draft, "soumettre"), {"comment": ""})
    others_draft.refresh_from_db()
    assert others_draft.status == Status.DRAFT


def test_editor_publishes_through_the_action_page(workflow_url, as_editor, own_draft):
    as_editor.post(workflow_url(own_draft, "publier"), {"comment": ""})
    own_draft.refresh_from_db()
    assert own_draft.status == Status.PUBLISHED


def test_editor_cannot_publish_an_article_with_problems(
    workflow_url, as_editor, journalist
):
    empty = make_article(
        status=Status.REVIEW, publish_at=None, body="", created_by=journalist
    )
    response = as_editor.post(workflow_url(empty, "publier"), {"comment": ""})
    empty.refresh_from_db()
    assert "Le texte de l’article est vide." in response.text
    assert empty.status == Status.REVIEW
