"""Retire cached pages when what readers see changes.

Connected in ``NewsdayConfig.ready()``:

* ``articles.signals`` (publish, edit, unpublish, sent by the workflow
  services and ``run_scheduled``) bump the page-cache generation and ask the
  CDN backend to purge the article's pages;
* saves and deletions of articles, sections and authors forget the cached
  next-visibility-change instant (a newly scheduled article moves it) and,
  when readers can see the change, bump the generation too. This is the safety
  net for edits made outside the services (admin, shell, importers). A save
  remembers the article's former publication time: if it moved to another
  month, the CDN purges that month's sitemap too.

* saves and deletions of live entries, and edits of a live's « L’essentiel »,
  retire only the pages that show them: the live's scope
  (``website.live_cache``: its page and older pages, its poll
  answer, its entries' feed), and purge those addresses at the CDN. A live's
  state (en cours, terminé) shows on every list (the « En direct » badge): it
  bumps the generation and purges like an article edit.

All of it runs after the transaction commits: purging earlier would let a
reader re-cache the old version before the new one is visible. An article is
retired once per transaction however many saves and signals it made (an
editor's « Publier » saves the form, then publishes): ``invalidate_on_commit``.
"""

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from articles import signals
from articles.models import Article, Author, ScheduledChange, Section
from live.models import LiveCoverage, LiveEntry
from newsday import cdn, pagecache
from website.live_cache import live_paths, page_cache_scope

logger = logging.getLogger("newsday.invalidation")


def invalidate(article=None, *, former_publish_at=None):
    pagecache.forget_visibility_bound()
    pagecache.bump_generation()
    if article is not None:
        cdn.purge_article(article, former_publish_at=former_publish_at)


# What waits for the transaction to commit, per thread (a connection's
# transaction is its thread's): {article pk or None: (article, former
# publish_at)}.
_waiting = threading.local()
# Set on the instance whose invalidation has just run, for its workflow
# signal, sent right after in the same commit (``on_article_event``).
RETIRED = "_newsday_retired"


def invalidate_on_commit(article=None, *, former_publish_at=None):
    """``invalidate(article)`` once the transaction commits, once however
    often the transaction asks. Every request registers its own callback,
    and the first of them to run does the work for all that wait: a
    callback dropped with a rolled-back savepoint loses nothing, and what a
    rolled-back transaction left waiting is done (needlessly, harmlessly) at
    the next commit rather than kept."""
    if not hasattr(_waiting, "articles"):
        _waiting.articles = {}
    key = None if article is None else article.pk
    earlier = _waiting.articles.get(key)
    # The latest instance; the publication time readers last saw, the first.
    former = earlier[1] if earlier and earlier[1] else former_publish_at
    _waiting.articles[key] = (article, former)
    if article is not None:
        article.__dict__.pop(RETIRED, None)
    transaction.on_commit(_invalidate_waiting)


def forget_waiting():
    """Drop what waits for a commit that will not come (tests, whose
    transactions are rolled back)."""
    _waiting.articles = {}


def _invalidate_waiting():
    waiting, _waiting.articles = getattr(_waiting, "articles", {}), {}
    for article, former in waiting.values():
        invalidate(article, former_publish_at=former)
        if article is not None:
            setattr(article, RETIRED, True)


def on_article_event(sender, article, **kwargs):
    # The workflow sends its signals once the transaction has committed, and
    # saves each article it signals about first: the save's invalidation has
    # just run for this very instance, unless the signal came without one.
    if article.__dict__.pop(RETIRED, False):
        return
    invalidate_on_commit(article)


def remember_visibility(sender, instance, raw=False, **kwargs):
    instance._newsday_was_published_at = None
    if raw or not instance.pk:
        instance._newsday_was_visible = False
        return
    old = Article.objects.filter(pk=instance.pk).values_list("status", "publish_at")
    status, instance._newsday_was_published_at = old.first() or (None, None)
    instance._newsday_was_visible = status in Article.Status.visible()


def on_article_saved(sender, instance, **kwargs):
    visible = instance.status in Article.Status.visible()
    if visible or getattr(instance, "_newsday_was_visible", True):
        invalidate_on_commit(
            instance,
            former_publish_at=getattr(instance, "_newsday_was_published_at", None),
        )
    else:
        # A draft saved: readers' pages do not change (no cache flush on every
        # draft save), but a cached "next change" may have pointed at it.
        transaction.on_commit(pagecache.forget_visibility_bound)


def on_article_deleted(sender, instance, **kwargs):
    invalidate_on_commit(instance)


def on_reader_model_saved(sender, instance, **kwargs):
    invalidate_on_commit()


def on_scheduled_change_saved(sender, instance, **kwargs):
    # A new version scheduled (or cancelled) moves the next instant at which
    # readers' pages change.
    transaction.on_commit(pagecache.forget_visibility_bound)


def invalidate_live(article_id, *, state_changed=False, forget_bound=False):
    """Retire the pages that show a live's entries and purge them at the
    CDN (its page, its poll answer, its entries' feed: ``live_paths()``);
    when its state changed (``state_changed``: the « En direct » badge on
    lists), every page and the article's lists too."""
    if forget_bound or state_changed:
        pagecache.forget_visibility_bound()
    # Read now: the live's article may have been deleted with the entry (its
    # own deletion then retires everything).
    article = Article.objects.filter(pk=article_id).select_related("section").first()
    if article is None:
        return
    if state_changed:
        pagecache.bump_generation()
        cdn.purge_article(article)
    else:
        pagecache.bump_scope(page_cache_scope(article))
    try:
        cdn.enqueue_purge(cdn.urls_for(live_paths(article)))
    except Exception:
        logger.exception(
            "Purge CDN impossible à mettre en file pour le direct %s", article_id
        )


def on_entry_saved(sender, instance, created=False, **kwargs):
    # An entry posted, edited, pinned or deleted: the live's pages change
    # now. A scheduled one (or one whose time was changed) moves the next
    # change too.
    article_id = instance.article_id
    moves_bound = not created or instance.publish_at > timezone.now()
    transaction.on_commit(lambda: invalidate_live(article_id, forget_bound=moves_bound))


def on_entry_deleted(sender, instance, **kwargs):
    article_id = instance.article_id
    transaction.on_commit(lambda: invalidate_live(article_id, forget_bound=True))


def on_coverage_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # « L’essentiel » shows on the live's page only; its state (a new
    # coverage is « en cours ») on every list showing the live.
    state_changed = created or update_fields is None or "closed_at" in update_fields
    article_id = instance.article_id
    transaction.on_commit(
        lambda: invalidate_live(article_id, state_changed=state_changed)
    )


def on_coverage_deleted(sender, instance, **kwargs):
    article_id = instance.article_id
    transaction.on_commit(lambda: invalidate_live(article_id, state_changed=True))


def connect():
    for signal in (
        signals.article_published,
        signals.article_updated,
        signals.article_unpublished,
    ):
        signal.connect(on_article_event, dispatch_uid=f"newsday-{id(signal)}")
    pre_save.connect(remember_visibility, sender=Article, dispatch_uid="newsday-a")
    post_save.connect(on_article_saved, sender=Article, dispatch_uid="newsday-a")
    post_delete.connect(on_article_deleted, sender=Article, dispatch_uid="newsday-a")
    for model in (Section, Author):
        post_save.connect(
            on_reader_model_saved, sender=model, dispatch_uid=f"newsday-{model}-s"
        )
        post_delete.connect(
            on_reader_model_saved, sender=model, dispatch_uid=f"newsday-{model}-d"
        )
    post_save.connect(on_entry_saved, sender=LiveEntry, dispatch_uid="newsday-le-s")
    post_delete.connect(on_entry_deleted, sender=LiveEntry, dispatch_uid="newsday-le-d")
    post_save.connect(
        on_coverage_saved, sender=LiveCoverage, dispatch_uid="newsday-lc-s"
    )
    post_delete.connect(
        on_coverage_deleted, sender=LiveCoverage, dispatch_uid="newsday-lc-d"
    )
    post_save.connect(
        on_scheduled_change_saved, sender=ScheduledChange, dispatch_uid="newsday-sc-s"
    )
    post_delete.connect(
        on_scheduled_change_saved, sender=ScheduledChange, dispatch_uid="newsday-sc-d"
    )
