"""The publication generation as each process sees it, and the reader
site's copies kept under it (articles.freshness)."""

import datetime as dt
import itertools

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles import freshness
from articles.freshness import GENERATION_KEY, ReaderCopy, seen
from articles.models import Article
from newsday import pagecache
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 7, 5, 59, 50, tzinfo=dt.UTC)


@pytest.fixture
def copy():
    """A copy whose value counts its builds: 1, 2, 3…"""
    builds = itertools.count(1)
    made = ReaderCopy("tests:reader-copy", lambda: next(builds))
    yield made
    ReaderCopy.instances.remove(made)


def test_a_copy_is_built_once_then_read_from_this_process(copy):
    assert copy.get() == 1
    # Gone from the shared cache: this process's copy still answers.
    cache.delete(copy.key)
    assert copy.get() == 1


def test_other_processes_read_the_copy_from_the_shared_cache(copy):
    assert copy.get() == 1
    ReaderCopy.forget_local()  # another process, same shared cache
    assert copy.get() == 1


def test_a_change_in_this_process_retires_the_copy_at_once(copy):
    assert copy.get() == 1
    pagecache.bump_generation()
    assert copy.get() == 2


def test_a_change_on_another_server_is_seen_at_the_next_check(copy, settings):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    assert copy.get() == 1
    cache.set(GENERATION_KEY, 42)  # another server published
    assert copy.get() == 1
    seen.checked_at -= 61
    assert copy.get() == 2
    assert seen.value == 42


def test_the_copy_ends_at_the_next_visibility_change_to_the_second(copy):
    with time_machine.travel(NOW, tick=False):
        make_article(
            status=Article.Status.SCHEDULED,
            publish_at=timezone.now() + dt.timedelta(seconds=10),
        )
        assert copy.get() == 1
    with time_machine.travel(NOW + dt.timedelta(seconds=9.9), tick=False):
        assert copy.get() == 1
    with time_machine.travel(NOW + dt.timedelta(seconds=10), tick=False):
        assert copy.get() == 2


def test_nothing_is_trusted_while_the_shared_cache_is_unavailable(copy, monkeypatch):
    assert copy.get() == 1
    monkeypatch.setattr(freshness._cache(), "available", False, raising=False)
    seen.checked_at = float("-inf")
    assert copy.get() == 2
    assert copy.get() == 3
