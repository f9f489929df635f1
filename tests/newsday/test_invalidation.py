"""What a change to the content retires: cached pages, the cached bound of
the next visibility change, the CDN's copies."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import ScheduledChange
from newsday import pagecache
from tests.factories import make_article, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def bound_cached(page_cache):
    pagecache.cache().set(pagecache.BOUND_KEY, (0, 1e12), timeout=None)


def bound_is_cached():
    return pagecache.cache().get(pagecache.BOUND_KEY) is not None


def test_scheduling_a_new_version_forgets_the_cached_next_change(
    bound_cached, django_capture_on_commit_callbacks
):
    article = make_article()
    pagecache.cache().set(pagecache.BOUND_KEY, (0, 1e12), timeout=None)
    with django_capture_on_commit_callbacks(execute=True):
        ScheduledChange.objects.create(
            article=article,
            content={"title": "Plus tard"},
            apply_at=timezone.now() + dt.timedelta(hours=1),
        )
    assert not bound_is_cached()


def test_publishing_bumps_the_generation_of_cached_pages(
    page_cache, django_capture_on_commit_callbacks
):
    draft = make_draft()
    before = pagecache.cache().get(pagecache.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        draft.status, draft.publish_at = "published", timezone.now()
        draft.save()
    assert pagecache.cache().get(pagecache.GENERATION_KEY) != before


def test_saving_a_draft_keeps_the_generation_but_forgets_the_bound(
    bound_cached, django_capture_on_commit_callbacks
):
    draft = make_draft()
    pagecache.cache().set(pagecache.BOUND_KEY, (0, 1e12), timeout=None)
    before = pagecache.cache().get(pagecache.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        draft.title = "Encore un brouillon"
        draft.save()
    assert pagecache.cache().get(pagecache.GENERATION_KEY) == before
    assert not bound_is_cached()
