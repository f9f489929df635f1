"""Entry changes reach readers through the page cache (newsday/invalidation.py)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from live import services

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
