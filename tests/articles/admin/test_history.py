"""An article's history: revisions side by side, and an old one made
current again."""

import pytest
from django.urls import reverse

from articles.services import article_revision_create
from tests.factories import make_article, make_draft, make_related_link
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_history_page_compares_two_revisions(save_in_admin, as_editor):
    article = make_article(title="Premier titre")
    save_in_admin(as_editor, article, title="Second titre")
    response = as_editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": 1, "b": 2}
    )
    assert response.status_code == 200
    assert "<del>Premier</del>" in response.text
    assert "<ins>Second</ins>" in response.text


def test_history_page_lists_revisions_and_events(save_in_admin, as_editor):
    article = make_article()
    save_in_admin(as_editor, article, title="Titre revu")
    response = as_editor.get(
        reverse("admin:articles_article_history", args=[article.pk])
    )
    assert "<td>Modification</td>" in response.text
    assert "<td>Anne Martin</td>" in response.text


def test_restore_button_in_the_admin(save_in_admin, as_editor):
    article = make_article(title="Version une")
    save_in_admin(as_editor, article, title="Version deux")
    as_editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, 1]),
        {"confirmer": "1"},
    )
    article.refresh_from_db()
    assert article.title == "Version une"
    assert article.revisions.count() == 3


def test_restoring_a_live_article_asks_first_and_changes_nothing(
    save_in_admin, as_editor
):
    article = make_article(title="Version une")
    save_in_admin(as_editor, article, title="Version deux")
    response = as_editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, 1])
    )
    assert response.status_code == 200
    assert "sera en ligne immédiatement" in response.text
    assert "Restaurer comme nouvelle version programmée" in response.text
    article.refresh_from_db()
    assert article.title == "Version deux"


def test_restoring_a_draft_needs_no_confirmation(save_in_admin, as_editor):
    article = make_draft(title="Version une")
    save_in_admin(as_editor, article, title="Version deux")
    response = as_editor.post(
        reverse("admin:articles_article_restore", args=[article.pk, 1])
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Version une"


def test_a_revision_restored_as_a_new_version_fills_the_form_only(
    save_in_admin, as_editor, change_url
):
    article = make_article(title="Version une", standfirst="Chapô un.")
    save_in_admin(as_editor, article, title="Version deux", standfirst="Chapô deux.")
    page = as_editor.get(change_url(article), {"revision": 1})
    data = form_data(page)
    assert (data["title"], data["standfirst"]) == ("Version une", "Chapô un.")
    assert "Texte de la révision n° 1" in page.text
    article.refresh_from_db()
    assert article.title == "Version deux"


def test_journalist_cannot_see_another_journalists_history(as_journalist, others_draft):
    response = as_journalist.get(
        reverse("admin:articles_article_history", args=[others_draft.pk])
    )
    assert response.status_code == 404
    assert others_draft.title not in response.text


def test_journalist_sees_their_own_history(as_journalist, own_draft):
    response = as_journalist.get(
        reverse("admin:articles_article_history", args=[own_draft.pk])
    )
    assert response.status_code == 200


def test_journalist_cannot_compare_another_journalists_revisions(
    as_journalist, others_draft
):
    article_revision_create(article=others_draft, user=None)
    response = as_journalist.get(
        reverse("admin:articles_article_compare", args=[others_draft.pk]) + "?a=1&b=1"
    )
    assert response.status_code == 404


def test_journalist_cannot_restore_another_journalists_revision(
    as_journalist, others_draft
):
    article_revision_create(article=others_draft, user=None)
    others_draft.title = "Version du collègue"
    others_draft.save()
    response = as_journalist.post(
        reverse("admin:articles_article_restore", args=[others_draft.pk, 1])
    )
    others_draft.refresh_from_db()
    assert response.status_code == 404
    assert others_draft.title == "Version du collègue"


def test_journalist_cannot_restore_into_their_published_article(
    as_journalist, own_published
):
    article_revision_create(article=own_published, user=None)
    response = as_journalist.post(
        reverse("admin:articles_article_restore", args=[own_published.pk, 1])
    )
    assert response.status_code == 403


def test_comparing_revisions_hides_the_title_of_a_linked_draft_from_a_journalist(
    as_journalist, journalist, own_draft, others_draft, editor
):
    article_revision_create(article=own_draft, user=journalist)
    make_related_link(own_draft, target=others_draft)
    article_revision_create(article=own_draft, user=editor)
    response = as_journalist.get(
        reverse("admin:articles_article_compare", args=[own_draft.pk]), {"a": 1, "b": 2}
    )
    assert response.status_code == 200
    assert "Article non publié" in response.text
    assert others_draft.title not in response.text
