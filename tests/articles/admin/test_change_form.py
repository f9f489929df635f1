"""The article's edit page: its fields, its single save path, and what
it shows beside the form."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect
from articles.services import article_send_back
from core.adminpages import admin_url
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_editor,
    make_journalist,
    make_related_link,
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


def _signed_and_linked(count):
    """An article with ``count`` bylines and ``count`` « À lire aussi »
    links to other articles."""
    article = make_article(authors=[make_author() for _ in range(count)])
    for _ in range(count):
        make_related_link(article)
    return article


def test_edit_page_query_budget(change_url, as_editor, django_assert_max_num_queries):
    # 29 measured, with or without bylines and links (49 with these five
    # and five before the inlines joined their authors and articles).
    article = _signed_and_linked(5)
    as_editor.get(change_url(article))
    with django_assert_max_num_queries(30):
        as_editor.get(change_url(article))


def test_edit_page_queries_do_not_grow_with_bylines_and_links(
    change_url, as_editor, count_queries
):
    one, five = _signed_and_linked(1), _signed_and_linked(5)
    assert count_queries(as_editor, change_url(one)) == count_queries(
        as_editor, change_url(five)
    )


def test_edit_page_shows_each_selected_author_and_linked_article(change_url, as_editor):
    article = _signed_and_linked(5)
    text = as_editor.get(change_url(article)).text
    for byline in article.bylines.all():
        assert (
            f'<option value="{byline.author.pk}" selected>{byline.author.name}</option>'
            in text
        )
    for link in article.related_links.all():
        assert (
            f'<option value="{link.target.pk}" selected>{link.target.title}</option>'
            in text
        )


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


# --- The side panel: publish, schedule, submit, send back from the edit page ------

PARIS = ZoneInfo("Europe/Paris")


def _add_form(client, **changes):
    """The blank article form as the browser sends it, with ``changes``."""
    url = reverse("admin:articles_article_add")
    return url, form_data(client.get(url)) | changes


def test_editor_writes_and_publishes_a_new_article_in_one_post(as_editor):
    section = make_section()
    url, data = _add_form(
        as_editor,
        title="Le tramway arrive à Tours",
        slug="le-tramway-arrive-a-tours",
        section=str(section.pk),
        body="<p>Les travaux commencent lundi.</p>",
        _workflow="publier",
    )
    response = as_editor.post(url, data, follow=True)
    article = Article.objects.get(slug="le-tramway-arrive-a-tours")
    assert article.status == Status.PUBLISHED
    assert response.redirect_chain[-1][0] == admin_url(Article, "change", article.pk)
    assert "Article enregistré et publié." in response.text


def test_editor_schedules_an_article_for_tomorrow_7_am_paris_time(
    as_editor, change_url
):
    article = make_article(status=Status.REVIEW, publish_at=None)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = as_editor.get(change_url(article))
    data = form_data(page) | {
        "go_live_at": f"{tomorrow:%Y-%m-%d}T07:00",
        "_workflow": "programmer",
    }
    response = as_editor.post(change_url(article), data, follow=True)
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert article.publish_at == dt.datetime.combine(
        tomorrow, dt.time(7, 0), tzinfo=PARIS
    )
    assert "Article enregistré et programmé pour le" in response.text


def test_seconds_typed_in_the_panel_are_kept(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    data = form_data(as_editor.get(change_url(article))) | {
        "go_live_at": f"{tomorrow:%Y-%m-%d}T07:00",
        "go_live_seconds": "30",
        "_workflow": "programmer",
    }
    as_editor.post(change_url(article), data)
    article.refresh_from_db()
    assert timezone.localtime(article.publish_at).time() == dt.time(7, 0, 30)


def test_panel_saves_the_text_before_the_transition(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "standfirst": "Un chapô revu avant publication.",
        "_workflow": "publier",
    }
    as_editor.post(change_url(article), data)
    article.refresh_from_db()
    assert (article.status, article.standfirst) == (
        Status.PUBLISHED,
        "Un chapô revu avant publication.",
    )


def test_an_invalid_form_publishes_nothing_and_keeps_the_typed_text(
    as_editor, change_url
):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "standfirst": "Texte tapé à garder.",
        "section": "",
        "_workflow": "publier",
    }
    response = as_editor.post(change_url(article), data)
    assert response.status_code == 200
    assert "Texte tapé à garder." in response.text
    article.refresh_from_db()
    assert (article.status, article.standfirst) == (
        Status.REVIEW,
        "Un chapô de démonstration.",
    )


def test_scheduling_without_a_date_saves_nothing(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "title": "Titre tapé",
        "go_live_at": "",
        "_workflow": "programmer",
    }
    response = as_editor.post(change_url(article), data)
    assert "Indiquez quand mettre l’article en ligne." in response.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.title != "Titre tapé"


def test_scheduling_in_the_past_saves_nothing(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "go_live_at": "2020-01-01T07:00",
        "_workflow": "programmer",
    }
    response = as_editor.post(change_url(article), data)
    assert "Cette date est passée" in response.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_sending_back_from_the_panel_needs_a_comment(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {"_workflow": "renvoyer"}
    response = as_editor.post(change_url(article), data)
    assert "Dites au journaliste ce qu’il faut revoir." in response.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_editor_sends_back_from_the_panel_with_a_comment(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "_workflow": "renvoyer",
        "workflow_comment": "Il manque la réaction du maire.",
    }
    as_editor.post(change_url(article), data)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    event = article.audit_events.get(action="sent_back")
    assert event.comment == "Il manque la réaction du maire."


def test_journalist_sees_only_submit_in_the_panel(as_journalist, change_url, own_draft):
    response = as_journalist.get(change_url(own_draft))
    assert 'name="_workflow" value="soumettre"' in response.text
    assert 'value="publier"' not in response.text
    assert 'value="programmer"' not in response.text


def test_journalist_submits_from_the_panel(as_journalist, change_url, own_draft):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "_workflow": "soumettre"
    }
    as_journalist.post(change_url(own_draft), data)
    own_draft.refresh_from_db()
    assert own_draft.status == Status.REVIEW


def test_journalist_crafting_a_publish_button_saves_and_publishes_nothing(
    as_journalist, change_url, own_draft
):
    data = form_data(as_journalist.get(change_url(own_draft))) | {
        "title": "Titre modifié",
        "_workflow": "publier",
    }
    response = as_journalist.post(change_url(own_draft), data)
    assert "Cette action n’est pas possible sur cet article" in response.text
    own_draft.refresh_from_db()
    assert (own_draft.status, own_draft.title) == (Status.DRAFT, "Mon brouillon")


def test_a_refused_publication_still_saves_the_text_and_says_why(as_editor, change_url):
    article = make_article(status=Status.REVIEW, publish_at=None)
    data = form_data(as_editor.get(change_url(article))) | {
        "body": "",
        "_workflow": "publier",
    }
    response = as_editor.post(change_url(article), data, follow=True)
    assert "Article enregistré, mais « Publier maintenant » a été refusé" in (
        response.text
    )
    assert "Le texte de l’article est vide." in response.text
    article.refresh_from_db()
    assert (article.status, article.body) == (Status.REVIEW, "")


def test_a_live_article_offers_no_publish_button(as_editor, change_url):
    response = as_editor.get(change_url(make_article()))
    assert 'name="_workflow" value="publier"' not in response.text
    assert "En ligne depuis le" in response.text


def test_a_scheduled_article_shows_its_date_in_the_panel(as_editor, change_url):
    publish_at = dt.datetime(2099, 12, 7, 7, 0, tzinfo=PARIS)
    article = make_scheduled_article(publish_at)
    page = as_editor.get(change_url(article))
    assert form_data(page)["go_live_at"] == "2099-12-07T07:00"
    assert "Publication prévue le 7 décembre 2099" in page.text


def test_programmer_on_a_scheduled_article_moves_its_date(as_editor, change_url):
    article = make_scheduled_article(dt.datetime(2099, 12, 7, 7, 0, tzinfo=PARIS))
    data = form_data(as_editor.get(change_url(article))) | {
        "go_live_at": "2099-12-08T09:30",
        "_workflow": "programmer",
    }
    as_editor.post(change_url(article), data)
    article.refresh_from_db()
    assert article.publish_at == dt.datetime(2099, 12, 8, 9, 30, tzinfo=PARIS)


def test_the_add_page_offers_an_editor_publish_schedule_and_submit(as_editor):
    text = as_editor.get(reverse("admin:articles_article_add")).text
    for action in ("publier", "programmer", "soumettre"):
        assert f'name="_workflow" value="{action}"' in text
    assert 'value="renvoyer"' not in text


def test_a_journalist_reading_a_published_article_gets_no_panel_button(
    as_journalist, change_url, own_published
):
    text = as_journalist.get(change_url(own_published)).text
    assert 'name="_workflow"' not in text


def test_enter_in_a_field_saves_rather_than_publishes(as_editor, change_url):
    # Enter presses the form's first submit button: « Enregistrer » must come
    # before the panel's buttons.
    text = as_editor.get(change_url(make_draft())).text
    assert text.index('name="_save"') < text.index('name="_workflow"')


# --- Byline, title, SEO fields -------------------------------------------------------


def test_a_new_article_is_signed_by_the_journalist_from_the_start(
    as_journalist, journalist
):
    data = form_data(as_journalist.get(reverse("admin:articles_article_add")))
    assert data["bylines-0-author"] == str(journalist.author.pk)


def test_the_prefilled_byline_is_saved_once(as_journalist, journalist):
    url, data = _add_form(
        as_journalist,
        title="Mon sujet signé",
        slug="mon-sujet-signe",
        section=str(make_section().pk),
    )
    as_journalist.post(url, data)
    article = Article.objects.get(slug="mon-sujet-signe")
    assert list(article.authors.all()) == [journalist.author]


def test_an_editor_without_an_author_record_gets_a_blank_byline(as_editor):
    data = form_data(as_editor.get(reverse("admin:articles_article_add")))
    assert data["bylines-0-author"] == ""


def test_a_long_headline_is_shown_whole_in_a_growing_box(as_editor, change_url):
    article = make_article(title="Un titre très long " * 10)
    response = as_editor.get(change_url(article))
    assert '<textarea name="title"' in response.text
    assert "Un titre très long " * 10 in response.text


def test_a_line_break_typed_in_the_headline_becomes_a_space(save_in_admin, as_editor):
    article = make_article()
    save_in_admin(as_editor, article, title="Deux lignes\r\ndans le titre")
    article.refresh_from_db()
    assert article.title == "Deux lignes dans le titre"


def test_seo_fields_are_saved_from_the_form(save_in_admin, as_editor):
    article = make_article()
    save_in_admin(
        as_editor,
        article,
        seo_title="Titre pour Google",
        social_title="Titre pour les réseaux",
        seo_description="Une description courte.",
    )
    article.refresh_from_db()
    assert (article.seo_title, article.social_title, article.seo_description) == (
        "Titre pour Google",
        "Titre pour les réseaux",
        "Une description courte.",
    )


def test_seo_fields_are_in_a_collapsible_fieldset(as_editor, change_url):
    text = as_editor.get(change_url(make_article())).text
    assert "Référencement et partage" in text
    assert 'name="seo_title"' in text


def test_seo_preview_falls_back_to_the_title_and_standfirst(as_editor, change_url):
    article = make_article(title="Le titre de l’article", standfirst="Le chapô.")
    text = as_editor.get(change_url(article)).text
    assert '<p class="seo-title" data-seo="search_title">Le titre de l’article</p>' in (
        text
    )
    assert 'data-seo="description">Le chapô.</p>' in text


def test_seo_preview_warns_when_the_search_title_is_too_long(as_editor, change_url):
    article = make_article(seo_title="x" * 61)
    text = as_editor.get(change_url(article)).text
    assert "Ce titre dépasse 60 caractères : Google le coupera." in text.replace(
        "&nbsp;", "\u00a0"
    ).replace("\u00a0", " ")


def test_seo_preview_does_not_warn_at_60_characters(as_editor, change_url):
    article = make_article(seo_title="x" * 60)
    text = as_editor.get(change_url(article)).text
    assert 'data-warning="search_title"' not in text


def test_seo_preview_warns_when_the_description_is_too_long(as_editor, change_url):
    article = make_article(seo_description="mot " * 50)
    text = as_editor.get(change_url(article)).text
    assert 'data-warning="description"' in text
