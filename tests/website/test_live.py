"""The reader side of a live coverage page (website/live.py)."""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from live.models import LiveCoverage, LiveEntry
from live.services import entry_delete, entry_edit
from tests.factories import (
    make_article,
    make_author,
    make_editor,
    make_entry,
)

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def entries_in(html):
    return [int(pk) for pk in re.findall(r'data-entry-id="(\d+)"', html)]


def structured(html, kind):
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html
    ):
        data = json.loads(block)
        if data["@type"] == kind:
            return data
    raise AssertionError(f"no {kind}")


def test_a_running_live_shows_en_direct_and_its_entries_newest_first(client, live):
    now = timezone.now()
    old = make_entry(
        live, body="<p>Premier</p>", publish_at=now - dt.timedelta(minutes=5)
    )
    new = make_entry(
        live, body="<p>Second</p>", publish_at=now - dt.timedelta(minutes=1)
    )
    html = client.get(live.get_absolute_url()).text
    assert "En direct" in html
    assert entries_in(html) == [new.pk, old.pk]


def test_an_entry_shows_its_paris_time_author_and_important_mark(client, live):
    at = dt.datetime(2026, 3, 2, 14, 5, tzinfo=PARIS)
    live.publish_at = at - dt.timedelta(hours=1)
    live.save()
    author = make_author(name="Inès Benali")
    make_entry(live, publish_at=at, author=author, is_important=True)
    with time_machine.travel(at + dt.timedelta(minutes=1), tick=False):
        html = client.get(live.get_absolute_url()).text
    assert "14\u00a0h\u00a005" in html
    assert "Inès Benali" in html
    assert "live-entry--important" in html
    assert "2 mars 2026, 14" not in html


def test_entries_show_their_date_when_the_live_spans_days(client, live):
    at = dt.datetime(2026, 3, 2, 23, 50, tzinfo=PARIS)
    live.publish_at = at
    live.save()
    make_entry(live, publish_at=at + dt.timedelta(minutes=5))
    with time_machine.travel(at + dt.timedelta(minutes=20), tick=False):
        html = client.get(live.get_absolute_url()).text
    assert "2 mars 2026, 23\u00a0h\u00a055" in html


def test_a_closed_live_says_when_it_ended(client, live):
    LiveCoverage.objects.filter(article=live).update(
        closed_at=dt.datetime(2026, 3, 2, 18, 30, tzinfo=PARIS)
    )
    html = client.get(live.get_absolute_url()).text
    assert "Terminé le 2 mars 2026 à 18\u00a0h\u00a030" in html
    assert "En direct</span>" not in html
    assert "live/live.js" not in html


def test_the_summary_and_pinned_entries_come_first(client, live):
    LiveCoverage.objects.filter(article=live).update(
        summary="Vents à 150 km/h\nTrains arrêtés"
    )
    pinned = make_entry(
        live, is_pinned=True, publish_at=timezone.now() - dt.timedelta(hours=1)
    )
    latest = make_entry(live)
    html = client.get(live.get_absolute_url()).text
    assert html.index("L’essentiel") < html.index(f'data-entry-id="{pinned.pk}"')
    assert "<li>Trains arrêtés</li>" in html
    assert entries_in(html) == [pinned.pk, latest.pk]


def test_a_scheduled_entry_appears_at_its_second_never_before(client, live):
    at = timezone.now() + dt.timedelta(minutes=10)
    entry = make_entry(live, publish_at=at)
    with time_machine.travel(at - dt.timedelta(seconds=1), tick=False):
        assert entry.pk not in entries_in(client.get(live.get_absolute_url()).text)
    with time_machine.travel(at + dt.timedelta(seconds=1), tick=False):
        assert entry.pk in entries_in(client.get(live.get_absolute_url()).text)


def test_deleted_entries_are_not_shown(client, live):
    entry = make_entry(live, deleted_at=timezone.now())
    assert entry.pk not in entries_in(client.get(live.get_absolute_url()).text)


def test_a_long_live_shows_its_latest_entries_and_links_to_older_ones(
    client, live, settings
):
    settings.LIVE_PAGE_ENTRIES = 3
    now = timezone.now()
    entries = [
        make_entry(live, publish_at=now - dt.timedelta(minutes=10 - i))
        for i in range(5)
    ]
    html = client.get(live.get_absolute_url()).text
    assert entries_in(html) == [e.pk for e in entries[:1:-1]]
    assert f'href="?avant={entries[2].pk}"' in html
    older = client.get(live.get_absolute_url(), {"avant": entries[2].pk}).text
    assert entries_in(older) == [entries[1].pk, entries[0].pk]
    assert "Entrées précédentes" in older
    assert "live/live.js" not in older


def test_a_bad_older_entries_cursor_answers_404(client, live):
    response = client.get(live.get_absolute_url(), {"avant": "abc"})
    assert response.status_code == 404


def test_the_live_page_costs_the_same_queries_whatever_its_entries(
    client, live, count_queries
):
    make_entry(live)
    few = count_queries(client, live.get_absolute_url())
    for _ in range(20):
        make_entry(live, author=make_author())
    assert count_queries(client, live.get_absolute_url()) == few


def test_the_poll_answer_holds_the_latest_entries_as_html(client, live):
    entry = make_entry(live, body="<p>Dernière minute</p>")
    pinned = make_entry(live, is_pinned=True)
    response = client.get(live.get_absolute_url() + "direct.json")
    data = response.json()
    assert data["running"] is True
    assert data["complete"] is True
    assert [row["id"] for row in data["entries"]] == [entry.pk]
    assert "Dernière minute" in data["entries"][0]["html"]
    assert [row["id"] for row in data["pinned"]] == [pinned.pk]
    assert "En direct" in data["status"]


def test_the_poll_answer_is_only_at_the_lives_own_address(client, live):
    url = live.get_absolute_url().replace("/societe/", "/autre/") + "direct.json"
    assert client.get(url).status_code == 404
    article = make_article()
    assert client.get(article.get_absolute_url() + "direct.json").status_code == 404


def test_the_home_page_marks_a_running_live_en_direct(client, live):
    html = client.get("/").text
    card = html[html.index(live.title.split(" :")[0]) - 600 :]
    assert "En direct" in html
    assert "live-badge" in card[:1200]


def test_the_home_page_does_not_mark_a_closed_live(client, live):
    LiveCoverage.objects.filter(article=live).update(closed_at=timezone.now())
    assert "live-badge" not in client.get("/").text


def test_a_renamed_author_shows_on_an_entry_already_rendered(client, live):
    author = make_author(name="Léa Fontaine")
    make_entry(live, author=author)
    assert "Léa Fontaine" in client.get(live.get_absolute_url()).text
    author.name = "Léa Fontaine-Morel"
    author.save()
    assert "Léa Fontaine-Morel" in client.get(live.get_absolute_url()).text


def test_a_live_page_costs_two_queries_more_than_an_article_page(
    client, live, count_queries
):
    """Its entries, pinned ones included, in one query; its state in another."""
    article = make_article()
    make_entry(live)
    make_entry(live, is_pinned=True)
    assert count_queries(client, live.get_absolute_url()) == (
        count_queries(client, article.get_absolute_url()) + 2
    )


def test_an_edited_entry_shows_its_new_text_on_the_next_render(client, live):
    entry = make_entry(live, body="<p>Bilan provisoire : deux blessés.</p>")
    assert "deux blessés" in client.get(live.get_absolute_url()).text
    entry_edit(entry=entry, user=make_editor(), body="<p>Bilan : trois blessés.</p>")
    html = client.get(live.get_absolute_url()).text
    assert "trois blessés" in html
    assert "deux blessés" not in html
    assert "modifiée à" in html


def test_an_entry_changed_without_its_edit_time_still_shows_the_change(client, live):
    entry = make_entry(live, body="<p>Avant</p>")
    assert "live-entry--important" not in client.get(live.get_absolute_url()).text
    LiveEntry.objects.filter(pk=entry.pk).update(is_important=True, title="Alerte")
    html = client.get(live.get_absolute_url()).text
    assert "live-entry--important" in html
    assert "Alerte" in html


def test_a_deleted_entry_leaves_the_next_render(client, live):
    kept = make_entry(live, publish_at=timezone.now() - dt.timedelta(minutes=1))
    entry = make_entry(live)
    assert entries_in(client.get(live.get_absolute_url()).text) == [entry.pk, kept.pk]
    entry_delete(entry=entry, user=make_editor())
    assert entries_in(client.get(live.get_absolute_url()).text) == [kept.pk]


def test_an_entry_rendered_before_its_live_spans_days_gets_its_date(client, live):
    at = dt.datetime(2026, 3, 2, 23, 50, tzinfo=PARIS)
    live.publish_at = at - dt.timedelta(minutes=5)
    live.save()
    make_entry(live, publish_at=at)
    with time_machine.travel(at + dt.timedelta(minutes=1), tick=False):
        assert "2 mars 2026, 23" not in client.get(live.get_absolute_url()).text
    with time_machine.travel(at + dt.timedelta(minutes=15), tick=False):
        assert "2 mars 2026, 23\u00a0h\u00a050" in (
            client.get(live.get_absolute_url()).text
        )


def test_a_linked_article_retitled_shows_on_an_entry_already_rendered(client, live):
    linked = make_article(title="Premier titre")
    make_entry(live, link_article=linked)
    assert "Premier titre" in client.get(live.get_absolute_url()).text
    linked.title = "Titre corrigé"
    linked.save()
    assert "Titre corrigé" in client.get(live.get_absolute_url()).text


def test_the_poll_answer_and_the_page_show_the_same_entry_html(client, live):
    entry = make_entry(live, body="<p>Même rendu</p>")
    page = client.get(live.get_absolute_url()).text
    data = client.get(live.get_absolute_url() + "direct.json").json()
    assert data["entries"][0]["id"] == entry.pk
    assert data["entries"][0]["html"] in page


def test_the_poll_answer_holds_a_scheduled_entry_from_its_second(client, live):
    at = timezone.now() + dt.timedelta(minutes=10)
    entry = make_entry(live, publish_at=at)
    url = live.get_absolute_url() + "direct.json"
    with time_machine.travel(at - dt.timedelta(seconds=1), tick=False):
        assert entry.pk not in [row["id"] for row in client.get(url).json()["entries"]]
    with time_machine.travel(at + dt.timedelta(seconds=1), tick=False):
        assert entry.pk in [row["id"] for row in client.get(url).json()["entries"]]
