"""The article's edit page: its fields, its single save path, and what
it shows beside the form."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect
from articles.services import article_send_back
from core.adminpages import admin_url
from tests.factories import (
    make_article,
    make_editor,
    make_journalist,
    make_scheduled_article,
    make_section,
)
from tests.forms import form_data

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_article_form_uses_the_rich_text_editor(superuser_client, article):
    response = superuser_client.get(admin_url(Article, "change", article.pk))
    assert b"prose-editor" in response.content
    assert b'id="reading-stats"' in response.content


def test_an_article_in_english_is_marked_so_through_the_form(superuser_client, article):
    url = admin_url(Article, "change", article.pk)
    page = superuser_client.get(url)
    assert '<select name="language"' in page.text
    assert '<option value="en">Anglais</option>' in page.text
    response = superuser_client.post(url, form_data(page) | {"language": "en"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.language == "en"


def test_editor_reads_how_long_a_breaking_news_banner_stays(as_editor, settings):
    settings.BREAKING_NEWS_HOURS = 4
    response = as_editor.get(reverse("admin:articles_article_add"))
    assert (
        "En bandeau « Alerte info » en tête de la page d’accueil pendant 4\u00a0h"
        " après la publication." in response.text
    )


def test_journalist_reads_why_their_article_was_sent_back(change_url, client, editor):
    journalist = make_journalist()
    article = make_article(status=Status.REVIEW, publish_at=None, created_by=journalist)
    article_send_back(
        article=article, user=editor, comment="Ajoutez la réaction du maire."
    )
    client.force_login(journalist)
    response = client.get(change_url(article))
    assert "Renvoyé par Anne Martin" in response.text
    assert "Ajoutez la réaction du maire." in response.text


def test_publication_problems_are_listed_on_the_edit_page(change_url, as_editor):
    article = make_article(status=Status.DRAFT, publish_at=None, body="")
    response = as_editor.get(change_url(article))
    assert "Le texte de l’article est vide." in response.text


def test_edit_page_says_who_else_has_the_article_open(change_url, client):
    article = make_article()
    anne = make_editor(first_name="Anne", last_name="Martin")
    client.force_login(anne)
    client.get(change_url(article))
    client.force_login(make_editor())
    response = client.get(change_url(article))
    assert "Anne Martin a aussi cet article ouvert en ce moment." in response.text


def test_edit_page_offers_the_autosaved_text_back(change_url, as_editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    response = as_editor.get(change_url(article))
    assert "n’a pas été enregistré dans l’article" in response.text


def test_restoring_the_autosave_fills_the_form(change_url, as_editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Titre en cours", "body": "<p>Phrase à moitié</p>"},
    )
    data = form_data(as_editor.get(change_url(article) + "?restaurer=1"))
    assert (data["title"], data["body"]) == ("Titre en cours", "<p>Phrase à moitié</p>")


# --- Saving -----------------------------------------------------------------------


def test_crafted_status_and_dates_in_a_journalist_post_are_ignored(
    change_url, as_journalist, own_draft
):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "status": "published",
        "publish_at": "2020-01-01T10:00",
        "publish_at_0": "01/01/2020",
        "publish_at_1": "10:00:00",
        "unpublish_at": "2030-01-01T10:00",
        "first_published_at": "2020-01-01T10:00",
        "is_featured": "on",
    }
    as_journalist.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert (
        own_draft.status,
        own_draft.publish_at,
        own_draft.unpublish_at,
        own_draft.is_featured,
    ) == (Status.DRAFT, None, None, False)


def test_crafted_status_in_an_editor_post_is_ignored_too(
    change_url, as_editor, own_draft
):
    data = form_data(as_editor.get(change_url(own_draft))) | {"status": "published"}
    as_editor.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert own_draft.status == Status.DRAFT


def test_opening_an_article_made_elsewhere_keeps_its_initial_state(
    change_url, as_editor
):
    article = make_article(title="Importé")
    as_editor.get(change_url(article))
    revision = article.revisions.get()
    assert (revision.number, revision.created_by, revision.content["title"]) == (
        1,
        None,
        "Importé",
    )


def test_journalist_creating_an_article_signs_it():
    journalist = make_journalist()
    from django.test import Client

    client = Client()
    client.force_login(journalist)
    section = make_article().section
    data = form_data(client.get(reverse("admin:articles_article_add"))) | {
        "title": "Mon sujet",
        "slug": "mon-sujet",
        "section": str(section.pk),
        "body": "<p>Texte.</p>",
    }
    client.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get(slug="mon-sujet")
    assert list(article.authors.all()) == [journalist.author]
    assert article.created_by == journalist


def test_old_url_answers_301_after_slug_change_in_admin(save_in_admin, admin_client):
    article = make_article(slug="ancien-titre")
    old_url = article.get_absolute_url()
    save_in_admin(admin_client, article, slug="nouveau-titre")
    article.refresh_from_db()
    response = admin_client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_changing_section_in_admin_records_the_old_url(save_in_admin, admin_client):
    article = make_article()
    old_url = article.get_absolute_url()
    save_in_admin(admin_client, article, section=str(make_section().pk))
    assert ArticleRedirect.objects.filter(old_path=old_url, article=article).exists()


def test_edit_page_query_budget(change_url, as_editor, django_assert_max_num_queries):
    article = make_article()
    as_editor.get(change_url(article))
    with django_assert_max_num_queries(30):
        as_editor.get(change_url(article))


def test_a_live_article_whose_scheduled_event_is_overdue_can_still_be_saved(
    as_editor, change_url
):
    # Scheduled 60 s ahead, then online with no worker to run the event: the
    # page shows « Traiter maintenant », which must not break the article form.
    start = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))
    with time_machine.travel(start, tick=False):
        article = make_scheduled_article(start + dt.timedelta(seconds=60))
    with time_machine.travel(start + dt.timedelta(minutes=2), tick=False):
        url = change_url(article)
        page = as_editor.get(url)
        assert "Traiter maintenant" in page.text
        data = form_data(page) | {"standfirst": "Un chapô revu."}
        response = as_editor.post(url, data)
    assert response.status_code == 302, response.text[:2000]
    article.refresh_from_db()
    assert article.standfirst == "Un chapô revu."
