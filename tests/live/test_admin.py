"""The posting screen, through the admin with the test client."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from live.models import LiveEntry
from tests.factories import make_article, make_journalist

pytestmark = pytest.mark.django_db


def screen(live):
    return reverse("admin:live_livecoverage_post", args=[live.pk])


def post(client, live, **data):
    fields = {"body": "", "title": "", "link_url": "", "link_title": ""}
    return client.post(screen(live), fields | data)


def test_the_posting_screen_offers_the_entry_form(as_journalist, live):
    response = as_journalist.get(screen(live))
    assert response.status_code == 200
    html = response.text
    assert 'value="Publier"' in html
    assert "live/admin/post.js" in html
    assert "images/admin/chooser.js" in html
    assert 'name="body"' in html


def test_a_journalist_posts_an_entry_from_the_screen(as_journalist, journalist, live):
    response = post(
        as_journalist, live, body="<p>Le vent forcit</p>", is_important="on"
    )
    assert response.status_code == 302
    entry = LiveEntry.objects.get(article=live)
    assert entry.body == "<p>Le vent forcit</p>"
    assert entry.is_important
    assert entry.created_by == journalist
    assert "Le vent forcit" in as_journalist.get(screen(live)).text


def test_two_journalists_posting_from_screens_opened_together_both_get_through(
    client, live
):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(make_journalist())
    second.force_login(make_journalist())
    first.get(screen(live))
    second.get(screen(live))
    assert post(first, live, body="<p>De Brest</p>").status_code == 302
    assert post(second, live, body="<p>De Quimper</p>").status_code == 302
    assert sorted(LiveEntry.objects.values_list("body", flat=True)) == [
        "<p>De Brest</p>",
        "<p>De Quimper</p>",
    ]


def test_an_empty_entry_is_refused_and_what_was_typed_stays(as_journalist, live):
    response = post(as_journalist, live, title="Titre seul ?", link_url="pas une url")
    assert response.status_code == 400
    assert "Saisissez une URL valide" in response.text
    assert 'value="Titre seul ?"' in response.text
    assert not LiveEntry.objects.exists()


def test_an_entry_scheduled_to_the_second_from_the_screen(as_journalist, live):
    at = timezone.localtime(timezone.now() + dt.timedelta(hours=1)).replace(
        microsecond=0
    )
    response = post(
        as_journalist,
        live,
        body="<p>Plus tard</p>",
        publish_at=at.strftime("%Y-%m-%dT%H:%M:%S"),
    )
    assert response.status_code == 302
    assert LiveEntry.objects.get().publish_at == at


def test_a_journalist_cannot_delete_another_journalists_entry_from_the_screen(
    as_journalist, live, entry_of
):
    entry = entry_of(make_journalist())
    url = reverse("admin:live_livecoverage_delete_entry", args=[entry.pk])
    as_journalist.post(url)
    entry.refresh_from_db()
    assert entry.deleted_at is None
    assert "Modifier</a>" not in as_journalist.get(screen(live)).text


def test_an_editor_deletes_an_entry_from_the_screen(as_editor, editor, live, entry_of):
    entry = entry_of(make_journalist())
    url = reverse("admin:live_livecoverage_delete_entry", args=[entry.pk])
    assert as_editor.post(url).status_code == 302
    entry.refresh_from_db()
    assert entry.deleted_by == editor


def test_deleting_answers_only_a_post(as_editor, live, entry_of, journalist):
    entry = entry_of(journalist)
    url = reverse("admin:live_livecoverage_delete_entry", args=[entry.pk])
    assert as_editor.get(url).status_code == 403


def test_a_journalist_edits_their_entry_from_the_screen(
    as_journalist, journalist, live, entry_of
):
    entry = entry_of(journalist, body="<p>Avant</p>")
    url = reverse("admin:live_livecoverage_entry", args=[entry.pk])
    assert as_journalist.get(url).status_code == 200
    fields = {"body": "<p>Après</p>", "title": "", "link_url": "", "link_title": ""}
    fields["publish_at"] = timezone.localtime(entry.publish_at).strftime(
        "%Y-%m-%dT%H:%M:%S"
    )
    assert as_journalist.post(url, fields).status_code == 302
    entry.refresh_from_db()
    assert entry.body == "<p>Après</p>"
    assert entry.edited_at is not None


def test_promoting_from_the_screen_opens_the_new_draft(
    as_journalist, journalist, live, entry_of
):
    entry = entry_of(journalist, title="Le pont fermé")
    url = reverse("admin:live_livecoverage_promote", args=[entry.pk])
    response = as_journalist.post(url)
    entry.refresh_from_db()
    assert response.url == reverse(
        "admin:articles_article_change", args=[entry.link_article_id]
    )


def test_an_editor_updates_the_summary_and_closes_the_live(as_editor, live):
    as_editor.post(
        reverse("admin:live_livecoverage_summary", args=[live.pk]),
        {"summary": "Un point\nUn autre"},
    )
    as_editor.post(
        reverse("admin:live_livecoverage_state", args=[live.pk]), {"_close": "1"}
    )
    live.live.refresh_from_db()
    assert live.live.summary_points == ["Un point", "Un autre"]
    assert not live.live.is_running


def test_an_ordinary_article_has_no_posting_screen(as_journalist):
    article = make_article()
    url = reverse("admin:live_livecoverage_post", args=[article.pk])
    assert as_journalist.get(url).status_code == 404


def test_the_article_page_and_list_link_to_the_posting_screen(as_editor, live):
    change = as_editor.get(reverse("admin:articles_article_change", args=[live.pk]))
    assert screen(live) in change.text
    listing = as_editor.get(reverse("admin:articles_article_changelist"))
    assert screen(live) in listing.text


def test_the_lives_list_links_to_the_posting_screens(as_journalist, live):
    response = as_journalist.get(reverse("admin:live_livecoverage_changelist"))
    assert response.status_code == 200
    assert screen(live) in response.text


def test_an_entry_with_nothing_in_it_is_refused_in_french(as_journalist, live):
    response = post(as_journalist, live, body="<p></p>")
    assert response.status_code == 400
    assert "Une entrée vide ne peut pas être publiée" in response.text


def test_the_link_field_finds_published_articles_as_one_types(as_journalist, live):
    make_article(title="Inondations à Quimper")
    response = as_journalist.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "live",
            "model_name": "liveentry",
            "field_name": "link_article",
            "term": "Quimper",
        },
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == [
        "Inondations à Quimper"
    ]


@pytest.mark.parametrize(
    "path",
    [
        "livecoverage/9999999999999999999999999/history/",
        "livecoverage/9999999999999999999999999/delete/",
        "livecoverage/abc/change/",
        "liveentry/abc/change/",
        "liveentry/9999999999999999999999999/change/",
    ],
)
def test_admin_address_with_an_id_no_key_can_hold_is_not_a_server_error(
    as_editor, path
):
    as_editor.raise_request_exception = False
    response = as_editor.get(f"/admin/live/{path}")
    assert response.status_code in (302, 403, 404)


def test_the_entries_list_shows_deleted_entries_with_who_deleted_them(
    as_editor, editor, live, entry_of, journalist
):
    from live import services

    entry = entry_of(journalist, title="Retirée")
    services.entry_delete(entry=entry, user=editor)
    response = as_editor.get(reverse("admin:live_liveentry_changelist"))
    assert response.status_code == 200
    assert "Retirée" in response.text
    assert editor.username in response.text
