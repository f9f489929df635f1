"""How long edges may keep a live's pages (website/live_cache.py): a
running live's page, poll answer and feed one poll interval at most, a
finished live's as any page."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from articles.freshness import cache_control
from live.models import LiveCoverage
from tests.factories import make_entry
from tests.newsday.conftest import page_cache  # noqa: F401  (reused here)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

ADDRESSES = ["", "direct.json", "direct/rss/"]


def directive(response, name):
    found = re.search(rf"{name}=(\d+)", response["Cache-Control"])
    return int(found[1]) if found else None


@pytest.fixture
def cached(client):
    """``cached(url)``: the cache's answer (the page asked twice)."""

    def get(url):
        client.get(url)
        response = client.get(url)
        assert response["X-Page-Cache"] == "HIT"
        return response

    return get


@pytest.mark.parametrize("suffix", ADDRESSES, ids=["page", "poll", "feed"])
def test_a_running_lives_edge_lifetime_is_one_poll_interval(
    live, cached, settings, suffix
):
    settings.LIVE_POLL_SECONDS = 15
    response = cached(live.get_absolute_url() + suffix)
    assert directive(response, "s-maxage") == 15
    assert directive(response, "stale-while-revalidate") <= 15


def test_a_running_lives_older_page_has_a_short_edge_lifetime_too(
    live, cached, settings
):
    settings.LIVE_PAGE_ENTRIES = 1
    settings.LIVE_POLL_SECONDS = 15
    make_entry(live, publish_at=timezone.now() - dt.timedelta(minutes=2))
    newest = make_entry(live)
    response = cached(f"{live.get_absolute_url()}?avant={newest.pk}")
    assert directive(response, "s-maxage") == 15


def test_the_first_render_of_a_running_live_has_the_short_lifetime(
    live,
    client,
    settings,
):
    settings.LIVE_POLL_SECONDS = 15
    response = client.get(live.get_absolute_url() + "direct.json")
    assert response["X-Page-Cache"] == "MISS"
    assert directive(response, "s-maxage") == 15


@pytest.mark.parametrize("suffix", ADDRESSES, ids=["page", "poll", "feed"])
def test_a_finished_live_goes_back_to_the_sites_edge_lifetime(
    live, cached, settings, suffix
):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 120
    LiveCoverage.objects.filter(article=live).update(closed_at=timezone.now())
    response = cached(live.get_absolute_url() + suffix)
    assert directive(response, "s-maxage") == 120


def test_a_scheduled_entry_shortens_a_running_lives_lifetime_further(
    live,
    client,
    settings,
):
    settings.LIVE_POLL_SECONDS = 15
    make_entry(live, publish_at=timezone.now() + dt.timedelta(seconds=6))
    response = client.get(live.get_absolute_url() + "direct.json")
    assert directive(response, "s-maxage") <= 6
    assert (directive(response, "stale-while-revalidate") or 0) + directive(
        response, "s-maxage"
    ) <= 6


def test_a_staff_member_never_gets_a_public_live_page(live, editor, client):
    client.force_login(editor)
    response = client.get(live.get_absolute_url() + "direct.json")
    assert "public" not in response.get("Cache-Control", "")


def test_an_edge_cap_caps_stale_while_revalidate_too(settings):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 120
    settings.PAGE_CACHE_BROWSER_MAX_AGE = 30
    settings.PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
    assert cache_control(3600, edge_max_age=15) == (
        "public, max-age=15, s-maxage=15, stale-while-revalidate=15"
    )


def test_without_an_edge_cap_the_sites_lifetime_holds(settings):
    settings.PAGE_CACHE_EDGE_MAX_AGE = 120
    settings.PAGE_CACHE_BROWSER_MAX_AGE = 30
    settings.PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
    assert cache_control(3600) == (
        "public, max-age=30, s-maxage=120, stale-while-revalidate=60"
    )
