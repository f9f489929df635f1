"""Redis as the cache: used when up, and never a cause of errors when down."""

import logging
import socket
import uuid

import pytest
from django.core.cache import caches

from newsday import pagecache
from tests.factories import make_article

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/5"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "newsday.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        }
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    return caches["default"]


@pytest.fixture
def redis_up(settings):
    settings.CACHES = redis_cache(REDIS_TEST_URL)
    cache = caches["default"]
    try:
        cache.ping()
    except Exception as exc:
        pytest.skip(f"no Redis at {REDIS_TEST_URL}: {exc}")
    yield cache
    cache.delete_many([pagecache.GENERATION_KEY, pagecache.BOUND_KEY])


def test_reads_from_a_dead_redis_are_misses(redis_down):
    assert redis_down.get("clé", "défaut") == "défaut"
    assert redis_down.get_many(["a", "b"]) == {}


def test_writes_to_a_dead_redis_are_dropped_and_logged(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="newsday.cache"):
        redis_down.set("clé", "valeur")
    assert "Cache unavailable" in caplog.text


def test_dead_redis_is_not_called_again_for_a_while(redis_down, caplog):
    redis_down.get("a")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="newsday.cache"):
        redis_down.get("b")
    assert not redis_down.available
    assert caplog.text == ""


def test_health_check_reports_a_dead_redis(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.mark.usefixtures("page_cache")
def test_pages_are_still_served_when_redis_is_down(client, redis_down):
    make_article(title="Toujours en ligne")
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200
        assert "Toujours en ligne" in response.text
        assert response["X-Page-Cache"] == "MISS"


@pytest.mark.usefixtures("page_cache")
def test_local_copy_is_not_trusted_while_redis_is_down(client, redis_down, settings):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    make_article()
    client.get("/")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_working_redis_stores_and_returns_values(redis_up):
    redis_up.set("clé", {"titre": "Été"})
    assert redis_up.get("clé") == {"titre": "Été"}


@pytest.mark.usefixtures("page_cache")
def test_page_cache_hits_through_redis(client, redis_up, settings):
    settings.PAGE_CACHE_GENERATION_CHECK = 0
    make_article(title="Servi par Redis")
    client.get("/")
    pagecache.local.clear()
    response = client.get("/")
    assert response["X-Page-Cache"] == "HIT"
    assert "Servi par Redis" in response.text
