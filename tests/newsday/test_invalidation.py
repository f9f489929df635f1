"""What a change to the content retires: cached pages, the cached bound of
the next visibility change, the CDN's copies."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, ScheduledChange
from articles.services import article_publish
from newsday import invalidation, pagecache
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


@pytest.fixture
def invalidations(monkeypatch):
    """The articles retired (their pk), in order. Retiring every page (the
    rubrique and author the factories make) is left out."""
    done = []

    def invalidate(article=None, **kwargs):
        if article is not None:
            done.append(article.pk)

    monkeypatch.setattr(invalidation, "invalidate", invalidate)
    return done


def test_a_save_then_a_publication_retire_the_article_once(
    editor, invalidations, django_capture_on_commit_callbacks
):
    # What « Publier » in the edit page does: the form is saved, then the
    # workflow publishes (another save and article_published).
    draft = make_draft()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        draft.title = "Publié depuis la fiche"
        draft.save()
        article_publish(article=draft, user=editor)
    assert len(callbacks) >= 3
    assert invalidations == [draft.pk]


def test_each_committed_transaction_retires_the_article_again(
    invalidations, django_capture_on_commit_callbacks
):
    article = make_article()
    for title in ("Premier titre", "Second titre"):
        with django_capture_on_commit_callbacks(execute=True):
            article.title = title
            article.save()
    assert invalidations == [article.pk, article.pk]


def test_a_rolled_back_savepoint_loses_no_invalidation(
    invalidations, django_capture_on_commit_callbacks
):
    article = make_article()

    def save_then_fail():
        with transaction.atomic():
            article.title = "Annulé"
            article.save()
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            save_then_fail()
        article.title = "Gardé"
        article.save()
    assert invalidations == [article.pk]


def test_a_workflow_signal_without_a_save_still_retires_the_article(
    invalidations, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        signals.article_updated.send(sender=Article, article=article)
    assert invalidations == [article.pk]
