"""Live coverage in the API: the live, its entries, polling with ``since``."""

import datetime as dt

import pytest
from django.utils import timezone

from api.live_data import SINCE_MARGIN
from articles.models import Article
from core.formats import NBSP
from tests.factories import hidden_articles, make_article, make_entry, make_live

pytestmark = pytest.mark.django_db


@pytest.fixture
def live():
    return make_live(
        title="Tempête : suivez la situation en direct",
        publish_at=timezone.now() - dt.timedelta(hours=1),
    )


def ago(**delta):
    return timezone.now() - dt.timedelta(**delta)


def entries_of(client, live, query=""):
    return client.get(f"/api/v1/lives/{live.pk}/entries{query}")


def ids(response):
    return [item["id"] for item in response.json()["items"]]


def test_a_live_shows_its_state_summary_and_pinned_entries(client, live):
    live.live.summary = "Deux morts\n- Trains arrêtés"
    live.live.save()
    pinned = make_entry(live, is_pinned=True, title="À retenir")
    make_entry(live)

    data = client.get(f"/api/v1/lives/{live.pk}").json()

    assert data["title"] == live.title
    assert data["state"] == "running"
    assert data["state_label"] == "En cours"
    assert data["summary"] == ["Deux morts", "Trains arrêtés"]
    assert [entry["id"] for entry in data["pinned"]] == [pinned.pk]
    assert data["entries_url"] == f"http://testserver/api/v1/lives/{live.pk}/entries"


def test_a_closed_live_says_when_in_french(client, live):
    live.live.closed_at = dt.datetime(2026, 11, 3, 13, 5, tzinfo=dt.UTC)
    live.live.save()

    data = client.get(f"/api/v1/lives/{live.pk}").json()

    assert data["state"] == "closed"
    assert data["state_label"] == f"Terminé le 3 novembre 2026 à 14{NBSP}h{NBSP}05"
    assert data["closed_at"] == "2026-11-03T14:05:00+01:00"


def test_the_article_of_a_live_points_to_it(client, live):
    data = client.get(f"/api/v1/articles/{live.pk}").json()

    assert data["format"] == "live"
    assert data["live_api_url"] == f"http://testserver/api/v1/lives/{live.pk}"


def test_an_article_that_is_no_live_has_no_live_address(client):
    article = make_article()

    assert client.get(f"/api/v1/articles/{article.pk}").json()["live_api_url"] is None
    assert client.get(f"/api/v1/lives/{article.pk}").status_code == 404
    assert client.get(f"/api/v1/lives/{article.pk}/entries").status_code == 404


@pytest.mark.parametrize(
    "kind", ["draft", "review", "scheduled", "unpublished", "expired"]
)
def test_a_live_readers_may_not_see_answers_404(client, kind):
    live = hidden_articles(format=Article.Format.LIVE)[kind]
    make_entry(live)

    assert client.get(f"/api/v1/lives/{live.pk}").status_code == 404
    assert entries_of(client, live).status_code == 404


def test_a_trashed_live_answers_410(client, live):
    live.status = Article.Status.TRASHED
    live.trashed_at = timezone.now()
    live.save()

    detail = client.get(f"/api/v1/lives/{live.pk}")
    entries = entries_of(client, live)

    assert detail.status_code == entries.status_code == 410
    assert entries.json()["detail"] == "Cet article a été supprimé."


def test_entries_are_those_readers_see_newest_first(client, live):
    older = make_entry(live, publish_at=ago(minutes=10))
    newer = make_entry(live, publish_at=ago(minutes=1))
    make_entry(live, publish_at=timezone.now() + dt.timedelta(minutes=5))
    make_entry(live, deleted_at=timezone.now())

    assert ids(entries_of(client, live)) == [newer.pk, older.pk]


def test_a_scheduled_entry_appears_at_its_second(client, live):
    due = make_entry(live, publish_at=ago(seconds=1))

    assert ids(entries_of(client, live)) == [due.pk]


def test_an_entry_shows_its_text_author_and_flags(client, live):
    from tests.factories import make_author

    author = make_author(name="Anne Martin")
    make_entry(
        live,
        title="Le pont est fermé",
        body="<p>Par précaution.</p>",
        author=author,
        is_important=True,
        link_url="https://exemple.fr/",
    )

    item = entries_of(client, live).json()["items"][0]

    assert item["title"] == "Le pont est fermé"
    assert item["body_html"] == "<p>Par précaution.</p>"
    assert item["author"]["name"] == "Anne Martin"
    assert item["is_important"] is True
    assert item["link"] == {
        "title": "https://exemple.fr/",
        "url": "https://exemple.fr/",
        "article_id": None,
    }
    assert item["url"].endswith(f"#entree-{item['id']}")


def test_entries_are_paged_by_cursor(client, live):
    made = [make_entry(live, publish_at=ago(minutes=n)) for n in range(5)]

    seen, url = [], f"/api/v1/lives/{live.pk}/entries?limit=2"
    while url:
        page = client.get(url.removeprefix("http://testserver")).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"]

    assert seen == [entry.pk for entry in made]


def test_since_gives_only_what_changed_and_what_to_take_off(client, live):
    quiet = make_entry(live, publish_at=ago(minutes=30), created_at=ago(minutes=30))
    edited = make_entry(live, publish_at=ago(minutes=30), created_at=ago(minutes=30))
    deleted = make_entry(live, publish_at=ago(minutes=30), created_at=ago(minutes=30))
    since = ago(minutes=10)
    edited.edited_at = timezone.now()
    edited.save()
    deleted.deleted_at = timezone.now()
    deleted.save()
    new = make_entry(live)

    page = entries_of(
        client, live, "?" + f"since={since.isoformat()}".replace("+", "%2B")
    )

    assert ids(page) == [new.pk, edited.pk]
    assert page.json()["removed"] == [deleted.pk]
    assert quiet.pk not in ids(page)


def test_since_takes_an_entry_moved_later_off(client, live):
    moved = make_entry(live, publish_at=ago(minutes=30), created_at=ago(minutes=30))
    since = ago(minutes=10)
    moved.publish_at = timezone.now() + dt.timedelta(hours=1)
    moved.edited_at = timezone.now()
    moved.save()

    page = entries_of(client, live, f"?since={since:%Y-%m-%dT%H:%M:%S}Z")

    assert page.json()["removed"] == [moved.pk]


def test_updated_at_is_the_last_change_and_nothing_older_is_sent_again(client, live):
    entry = make_entry(live, publish_at=ago(minutes=30), created_at=ago(minutes=30))
    first = entries_of(client, live).json()
    updated_at = dt.datetime.fromisoformat(first["live"]["updated_at"])
    one_ms = dt.timedelta(milliseconds=1)

    polled = client.get(
        f"/api/v1/lives/{live.pk}/entries",
        {"since": (updated_at + SINCE_MARGIN + one_ms).isoformat()},
    ).json()

    # JSON dates keep milliseconds: the moment read back is at most 1 ms early.
    last = max(entry.created_at, entry.publish_at)
    assert dt.timedelta(0) <= last - updated_at < one_ms
    assert polled["items"] == []
    assert polled["removed"] == []


def test_an_unchanged_live_answers_304(client, live):
    make_entry(live)
    first = entries_of(client, live)

    again = client.get(
        f"/api/v1/lives/{live.pk}/entries", HTTP_IF_NONE_MATCH=first["ETag"]
    )

    assert again.status_code == 304


def test_a_running_live_is_kept_no_longer_than_a_poll(client, live, settings):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 600
    settings.LIVE_POLL_SECONDS = 15

    response = entries_of(client, live)

    assert "s-maxage=15" in response["Cache-Control"]


def test_a_closed_live_is_kept_no_longer_than_its_next_scheduled_entry(
    client, live, settings
):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 600
    live.live.closed_at = ago(minutes=1)
    live.live.save()
    make_entry(live, publish_at=timezone.now() + dt.timedelta(seconds=45))

    control = entries_of(client, live)["Cache-Control"]

    seconds = int(control.split("s-maxage=")[1].split(",")[0])
    assert 40 <= seconds <= 45


def test_entries_cost_the_same_queries_however_many(client, live, count_queries):
    make_entry(live)
    few = count_queries(client, f"/api/v1/lives/{live.pk}/entries")
    for _ in range(10):
        make_entry(live)

    assert count_queries(client, f"/api/v1/lives/{live.pk}/entries") == few


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T23:59:59"])
def test_since_at_the_ends_of_the_calendar_is_answered(client, live, moment):
    response = entries_of(client, live, f"?since={moment}")

    assert response.status_code == 200
