"""What the edit page's scripts call: autosave, presence, tag
suggestions."""

import pytest
from django.urls import reverse

from articles.models import Autosave
from tests.factories import make_article, make_editor, make_journalist, make_user
from tests.forms import form_data

pytestmark = pytest.mark.django_db


# --- Autosave ---------------------------------------------------------------------


def test_autosave_keeps_the_text_being_typed(as_editor, editor):
    article = make_article()
    response = as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    assert response.status_code == 200
    assert Autosave.objects.get(user=editor, article=article).data["body"] == (
        "<p>Phrase à moitié</p>"
    )


def test_autosave_keeps_a_long_article_whole(as_editor, editor):
    article = make_article()
    body = "<p>" + "Un très long paragraphe collé. " * 20_000 + "La fin.</p>"
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]), {"body": body}
    )
    assert Autosave.objects.get(user=editor, article=article).data["body"] == body


def test_autosave_keeps_the_text_around_a_nul_byte(as_editor, editor):
    article = make_article()
    response = as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre\x00 en cours", "body": "<p>Phrase\x00</p>"},
    )
    assert response.status_code == 200
    data = Autosave.objects.get(user=editor, article=article).data
    assert (data["title"], data["body"]) == ("Titre en cours", "<p>Phrase</p>")


def test_journalist_gets_a_new_articles_draft_back_after_the_session_ended(client):
    journalist = make_journalist()
    client.force_login(journalist)
    client.post(
        reverse("admin:articles_article_autosave_new"),
        {"title": "Enquête sur les loyers", "body": "<p>Premier jet.</p>"},
    )
    client.logout()
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_add"))
    assert "n’a pas été enregistré dans l’article" in page.text
    data = form_data(client.get(reverse("admin:articles_article_add") + "?restaurer=1"))
    assert (data["title"], data["body"]) == (
        "Enquête sur les loyers",
        "<p>Premier jet.</p>",
    )


def test_autosave_is_refused_without_login(client):
    article = make_article()
    response = client.post(
        reverse("admin:articles_article_autosave", args=[article.pk]), {"title": "x"}
    )
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_journalist_cannot_autosave_into_another_journalists_draft(
    as_journalist, others_draft
):
    response = as_journalist.post(
        reverse("admin:articles_article_autosave", args=[others_draft.pk]),
        {"title": "x"},
    )
    assert response.status_code == 404
    assert not Autosave.objects.exists()


# --- Presence ---------------------------------------------------------------------


def test_presence_endpoint_lists_the_others(client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    client.post(reverse("admin:articles_article_presence", args=[article.pk]))
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:articles_article_presence", args=[article.pk])
    )
    assert response.json() == {"others": ["Anne Martin"]}


def test_leaving_the_page_clears_presence(client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    url = reverse("admin:articles_article_presence", args=[article.pk])
    client.post(url)
    client.post(url, {"leave": "1"})
    client.force_login(make_editor())
    assert client.post(url).json() == {"others": []}


# --- Tag suggestions --------------------------------------------------------------


def test_tag_suggestions_list_existing_tags_by_prefix(superuser_client, article):
    response = superuser_client.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "uk"}
    )
    assert response.json() == {"results": ["Ukraine"]}


def test_tag_suggestions_ignore_accents_and_case(superuser_client):
    make_article(tags=["Élysée", "Économie"])
    response = superuser_client.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "ELY"}
    )
    assert response.json() == {"results": ["Élysée"]}


def test_tag_suggestions_are_refused_to_staff_without_article_rights(client):
    client.force_login(make_user())
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "a"})
    assert response.status_code == 403


def test_tag_suggestions_leave_out_tags_only_on_others_drafts(
    as_journalist, others_draft
):
    others_draft.tags.add("Affaire Dupont")
    make_article(tags=["Affaires étrangères"])
    response = as_journalist.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "Affaire"}
    )
    assert response.json() == {"results": ["Affaires étrangères"]}


def test_tag_suggestions_still_list_every_tag_for_an_editor(as_editor, others_draft):
    others_draft.tags.add("Affaire Dupont")
    response = as_editor.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "Affaire"}
    )
    assert response.json() == {"results": ["Affaire Dupont"]}


def test_tag_suggestions_answer_a_journalist(as_journalist, own_draft):
    own_draft.tags.add("Élections")
    response = as_journalist.get(
        reverse("admin:articles_article_tag_suggestions"), {"q": "Élec"}
    )
    assert response.json() == {"results": ["Élections"]}
