"""Changing an article needs the right to edit that article, on top of
the model permission."""

import pytest

from tests.factories import make_article
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_journalist_edits_their_own_draft(change_url, as_journalist, own_draft):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "title": "Nouveau titre"
    }
    response = as_journalist.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert response.status_code == 302
    assert own_draft.title == "Nouveau titre"


def test_journalist_post_to_another_journalists_draft_changes_nothing(
    change_url, as_journalist, others_draft
):
    as_journalist.post(change_url(others_draft), {"title": "Piraté", "_save": "1"})
    others_draft.refresh_from_db()
    assert others_draft.title == "Brouillon secret d’un collègue"


def test_journalist_sees_their_published_article_read_only(
    change_url, as_journalist, own_published
):
    response = as_journalist.get(change_url(own_published))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text


def test_journalist_cannot_save_their_published_article(
    change_url, as_journalist, own_published
):
    response = as_journalist.post(
        change_url(own_published), {"title": "Modifié après publication", "_save": "1"}
    )
    own_published.refresh_from_db()
    assert response.status_code == 403
    assert own_published.title == "Mon article publié"


def test_editor_edits_another_journalists_published_article(
    change_url, as_editor, own_published
):
    data = form_data(as_editor.get(change_url(own_published))) | {"title": "Titre revu"}
    as_editor.post(change_url(own_published), data)
    own_published.refresh_from_db()
    assert own_published.title == "Titre revu"


def test_journalist_reads_their_published_article_as_text_not_html(
    change_url, as_journalist, journalist
):
    article = make_article(
        created_by=journalist, body="<p>Un texte <strong>publié</strong>&nbsp;!</p>"
    )
    response = as_journalist.get(change_url(article))
    assert "<p>Un texte <strong>publié</strong>" in response.text
    assert "&lt;p&gt;" not in response.text
