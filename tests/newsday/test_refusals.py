"""French pages for refused requests (newsday/refusals.py), with DEBUG off as
in production (the test settings)."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Autosave

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post_form(client, url, size):
    """A browser's form post (urlencoded, as the article form is) of about
    ``size`` bytes."""
    body = urlencode({"title": "Titre", "body": "x" * size})
    return client.post(url, body, content_type="application/x-www-form-urlencoded")


@pytest.fixture
def small_limits(settings):
    settings.POST_MAX_SIZE = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5000


def test_unknown_host_gets_the_french_400_page(client):
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert '<html lang="fr">' in response.text
    assert "Cette demande n’a pas pu être traitée" in response.text
    assert "Bad Request" not in response.text


def test_journalist_opening_an_editors_action_gets_a_french_admin_page(
    as_journalist, own_draft
):
    url = reverse("admin:articles_article_workflow", args=[own_draft.pk, "publier"])
    response = as_journalist.get(url, headers={"referer": change_url(own_draft)})
    assert response.status_code == 403
    assert '<html lang="fr"' in response.text
    assert "Votre rôle dans la rédaction ne permet pas cette action" in response.text
    assert "News Day FR — Rédaction" in response.text  # the admin's header
    assert response.text.count("<h1>") == 1
    assert f'href="{change_url(own_draft)}"' in response.text
    assert "403 Forbidden" not in response.text


def test_refusal_never_links_back_off_site(as_journalist, own_draft):
    url = reverse("admin:articles_article_workflow", args=[own_draft.pk, "publier"])
    response = as_journalist.get(url, headers={"referer": "https://evil.example/"})
    assert "evil.example" not in response.text
    assert f'href="{reverse("admin:index")}"' in response.text


def test_csrf_failure_in_the_admin_is_french_and_points_back_to_the_page(
    journalist, own_draft
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    response = client.post(change_url(own_draft), {"title": "Perdu ?"})
    assert response.status_code == 403
    assert '<html lang="fr"' in response.text
    assert "Formulaire expiré" in response.text
    assert "l’enregistrement automatique l’a gardé" in response.text
    assert f'href="{change_url(own_draft)}"' in response.text


def test_csrf_failure_on_the_site_is_french():
    response = Client(enforce_csrf_checks=True).post("/recherche/", {"q": "x"})
    assert response.status_code == 403
    assert '<html lang="fr">' in response.text
    assert "Le formulaire n’a pas pu être envoyé" in response.text
    assert "CSRF verification failed" not in response.text


def test_site_permission_denied_is_french(rf):
    from newsday.refusals import permission_denied

    request = rf.get("/")
    response = permission_denied(request)
    assert response.status_code == 403
    assert "Vous n’avez pas accès à cette page" in response.content.decode()


@pytest.mark.usefixtures("small_limits")
def test_article_over_the_limit_answers_413_and_says_the_text_is_kept(
    as_journalist, journalist, own_draft
):
    Autosave.objects.create(
        user=journalist, article=own_draft, data={"body": "<p>Mon long texte</p>"}
    )
    response = post_form(as_journalist, change_url(own_draft), 6000)
    assert response.status_code == 413
    assert "Envoi trop volumineux" in response.text
    assert "Votre texte n’est pas perdu" in response.text
    assert f'href="{change_url(own_draft)}"' in response.text
    # What reopening the page offers back is untouched.
    autosave = Autosave.objects.get(user=journalist, article=own_draft)
    assert autosave.data == {"body": "<p>Mon long texte</p>"}
    assert "?restaurer=1" in as_journalist.get(change_url(own_draft)).text


def test_413_page_gives_the_limit_in_french_megabytes(
    as_journalist, own_draft, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2.5 * 1024 * 1024
    response = post_form(as_journalist, change_url(own_draft), 3 * 1024 * 1024)
    assert "dépasse la limite de 2,5\u00a0Mo" in response.text


@pytest.mark.usefixtures("small_limits")
def test_reader_site_post_over_the_limit_gets_the_french_413_page(client):
    response = post_form(client, "/recherche/", 2000)
    assert response.status_code == 413
    assert '<html lang="fr">' in response.text
    assert "Ce que vous avez envoyé est trop volumineux" in response.text


def test_error_pages_need_no_database(rf, django_assert_num_queries):
    from newsday.refusals import bad_request

    with django_assert_num_queries(0):
        response = bad_request(rf.get("/"))
    assert response.status_code == 400


def test_refusal_pages_are_never_cached(client):
    response = client.get("/", headers={"host": "evil.example"})
    assert response["Cache-Control"] == "no-store"


def test_expired_login_form_gets_the_french_admin_page():
    response = Client(enforce_csrf_checks=True).post(
        reverse("admin:login"), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    assert "Formulaire expiré" in response.text
    assert f'href="{reverse("admin:login")}"' in response.text
