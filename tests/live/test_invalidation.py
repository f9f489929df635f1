"""Entry changes reach readers through the page cache (newsday/invalidation.py)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from live import services
from newsday import pagecache
from tests.factories import make_article, make_live

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(page_cache, client):
    """``cached(url)``: the page, asked twice so the second answer is the
    cache's."""

    def get(url):
        client.get(url)
        return client.get(url)

    return get


def test_a_new_entry_reaches_the_cached_page_and_poll_answer(
    live, journalist, cached, client, django_capture_on_commit_callbacks
):
    assert cached(live.get_absolute_url())["X-Page-Cache"] == "HIT"
    assert cached(live.get_absolute_url() + "direct.json")["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_post(article=live, user=journalist, body="<p>Nouveau</p>")
    assert "Nouveau" in client.get(live.get_absolute_url()).text
    assert "Nouveau" in client.get(live.get_absolute_url() + "direct.json").text


def test_an_entry_leaves_the_rest_of_the_site_cached(
    live, journalist, cached, client, django_capture_on_commit_callbacks
):
    article = make_article(title="Un article sans rapport")
    other = make_live(title="Un autre direct", slug="autre-direct")
    others = ["/", article.get_absolute_url(), other.get_absolute_url()]
    for url in [*others, other.get_absolute_url() + "direct.json"]:
        assert cached(url)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_post(article=live, user=journalist, body="<p>Nouveau</p>")
    for url in [*others, other.get_absolute_url() + "direct.json"]:
        assert client.get(url)["X-Page-Cache"] == "HIT", url


def test_an_entry_retires_the_lives_older_pages_and_feed(
    live,
    journalist,
    entry_of,
    cached,
    client,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.LIVE_PAGE_ENTRIES = 1
    oldest = entry_of(journalist, publish_at=timezone.now() - dt.timedelta(hours=1))
    newest = entry_of(journalist)
    older_page = f"{live.get_absolute_url()}?avant={newest.pk}"
    feed = live.get_absolute_url() + "direct/rss/"
    assert cached(older_page)["X-Page-Cache"] == "HIT"
    assert cached(feed)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_edit(entry=oldest, user=journalist, body="<p>Corrigée</p>")
    assert "Corrigée" in client.get(older_page).text
    assert "Corrigée" in client.get(feed).text


def test_a_summary_edit_reaches_the_live_only(
    live, editor, cached, client, django_capture_on_commit_callbacks
):
    assert cached("/")["X-Page-Cache"] == "HIT"
    assert cached(live.get_absolute_url() + "direct.json")["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        services.live_summary_update(
            article=live, user=editor, summary="Le point sur la tempête"
        )
    assert "Le point sur la tempête" in client.get(
        live.get_absolute_url() + "direct.json"
    ).json()["summary"].replace("\u202f", " ")
    assert client.get("/")["X-Page-Cache"] == "HIT"


def test_closing_a_live_takes_its_badge_off_the_cached_home_page(
    live, editor, cached, client, django_capture_on_commit_callbacks
):
    assert "En direct" in cached("/").text
    with django_capture_on_commit_callbacks(execute=True):
        services.live_close(article=live, user=editor)
    response = client.get("/")
    assert response["X-Page-Cache"] == "MISS"
    assert "En direct" not in response.text


def test_a_page_cache_hit_of_a_live_page_is_one_cache_call(
    live, cached, client, monkeypatch, django_assert_num_queries
):
    url = live.get_absolute_url() + "direct.json"
    cached(url)
    cached(live.get_absolute_url())
    shared = pagecache.cache()
    calls = []

    def counted(name, method):
        def call(*args, **kwargs):
            # The local-memory backend's get_many calls get per key: only
            # the calls the page cache makes count (Redis: one MGET).
            inner = bool(calls) and calls[-1] is None
            if not inner:
                calls.append(None)
            try:
                return method(*args, **kwargs)
            finally:
                if not inner:
                    calls[-1] = name

        return call

    for name in ("get", "get_many", "set", "set_many", "delete", "add"):
        monkeypatch.setattr(shared, name, counted(name, getattr(shared, name)))
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "HIT"
        assert client.get(live.get_absolute_url())["X-Page-Cache"] == "HIT"
    assert calls == ["get_many", "get_many"]


def test_an_entry_posted_on_another_server_reaches_this_ones_local_copy(
    live, page_cache, client, settings
):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    url = live.get_absolute_url() + "direct.json"
    client.get(url)
    scope = f"article:{live.slug}"
    pagecache.cache().set(pagecache.scope_key(scope), 42)  # another server
    assert client.get(url)["X-Page-Cache"] == "HIT"
    generation, checked_at = pagecache.local.scopes[scope]
    pagecache.local.scopes[scope] = (generation, checked_at - 61)
    assert client.get(url)["X-Page-Cache"] == "MISS"


def test_an_entry_posted_here_retires_this_servers_local_copy_at_once(
    live, journalist, page_cache, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    url = live.get_absolute_url() + "direct.json"
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_post(article=live, user=journalist, body="<p>Ici</p>")
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Ici" in response.text


def test_an_edited_entry_reaches_the_cached_page(
    live, journalist, entry_of, cached, client, django_capture_on_commit_callbacks
):
    entry = entry_of(journalist, body="<p>Bilan : deux blessés</p>")
    assert "deux blessés" in cached(live.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_edit(entry=entry, user=journalist, body="<p>Bilan : trois</p>")
    html = client.get(live.get_absolute_url()).text
    assert "Bilan : trois" in html.replace("\u202f", " ")
    assert "deux blessés" not in html
    assert "modifiée à" in html


def test_a_deleted_entry_leaves_the_cached_page_and_poll_answer(
    live, journalist, entry_of, cached, client, django_capture_on_commit_callbacks
):
    entry = entry_of(journalist, body="<p>Fausse information</p>")
    assert "Fausse information" in cached(live.get_absolute_url()).text
    assert "Fausse information" in cached(live.get_absolute_url() + "direct.json").text
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_delete(entry=entry, user=journalist)
    assert "Fausse information" not in client.get(live.get_absolute_url()).text
    json_text = client.get(live.get_absolute_url() + "direct.json").text
    assert "Fausse information" not in json_text


def test_a_cached_live_page_expires_at_its_next_scheduled_entry(
    live, entry_of, journalist, page_cache, client
):
    now = timezone.now()
    entry_of(
        journalist, body="<p>Programmée</p>", publish_at=now + dt.timedelta(seconds=60)
    )
    with time_machine.travel(now, tick=False):
        assert "Programmée" not in client.get(live.get_absolute_url()).text
    with time_machine.travel(now + dt.timedelta(seconds=59), tick=False):
        response = client.get(live.get_absolute_url())
        assert response["X-Page-Cache"] == "HIT"
    with time_machine.travel(now + dt.timedelta(seconds=60), tick=False):
        response = client.get(live.get_absolute_url())
    assert response["X-Page-Cache"] == "MISS"
    assert "Programmée" in response.text


@pytest.mark.parametrize(
    ("offset", "shown"), [(-1, False), (1, True)], ids=["T-1s", "T+1s"]
)
def test_a_scheduled_entry_reaches_the_cached_poll_answer_at_its_second(
    live, entry_of, journalist, page_cache, client, offset, shown
):
    now = timezone.now()
    at = now + dt.timedelta(seconds=60)
    entry_of(journalist, body="<p>Programmée</p>", publish_at=at)
    url = live.get_absolute_url() + "direct.json"
    with time_machine.travel(now, tick=False):
        assert "Programmée" not in client.get(url).text
    with time_machine.travel(at + dt.timedelta(seconds=offset), tick=False):
        response = client.get(url)
    assert ("Programmée" in response.text) is shown
    assert response["X-Page-Cache"] == ("MISS" if shown else "HIT")


def test_the_next_visibility_change_counts_scheduled_entries(
    live, entry_of, journalist
):
    at = timezone.now() + dt.timedelta(minutes=5)
    entry_of(journalist, publish_at=at)
    assert Article.objects.next_visibility_change() == at


def test_a_deleted_scheduled_entry_no_longer_bounds_the_cache(
    live, entry_of, journalist
):
    at = timezone.now() + dt.timedelta(minutes=5)
    entry_of(journalist, publish_at=at, deleted_at=timezone.now())
    assert Article.objects.next_visibility_change() is None


def test_an_entry_purges_the_lives_own_addresses_only(
    live, journalist, settings, django_capture_on_commit_callbacks
):
    from newsday import cdn
    from tests.newsday.cdn.test_purge import RecordingBackend

    settings.CDN_PURGE_BACKEND = "tests.newsday.cdn.test_purge.RecordingBackend"
    cdn.backend.cache_clear()
    RecordingBackend.calls = []
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.entry_post(article=live, user=journalist, body="<p>Purge</p>")
        page = "http://testserver" + live.get_absolute_url()
        assert RecordingBackend.calls == [
            [page, page + "direct.json", page + "direct/rss/"]
        ]
    finally:
        cdn.backend.cache_clear()


def test_an_entrys_purge_waits_until_every_process_has_seen_it(
    live, journalist, enqueued_purges, django_capture_on_commit_callbacks
):
    # A refresh sooner could find another process's local copy still trusted
    # and put the former page back at the edge.
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_post(article=live, user=journalist, body="<p>Purge</p>")
    ((run_after, urls),) = enqueued_purges
    assert run_after >= before + dt.timedelta(seconds=1)
    assert urls[0].endswith(live.get_absolute_url())
