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

* saves and deletions of live entries and of a live's state (``live``) bump
  the generation too, and purge the live's own addresses at the CDN.

All of it runs after the transaction commits: purging earlier would let a
reader re-cache the old version before the new one is visible.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from articles import signals
from articles.models import Article, Author, ScheduledChange, Section
from live.models import LiveCoverage, LiveEntry
from newsday import cdn, pagecache

logger = logging.getLogger("newsday.invalidation")


def invalidate(article=None, *, former_publish_at=None):
    pagecache.forget_visibility_bound()
    pagecache.bump_generation()
    if article is not None:
        cdn.purge_article(article, former_publish_at=former_publish_at)


def on_article_event(sender, article, **kwargs):
    transaction.on_commit(lambda: invalidate(article))


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
        # Read now: a later save in the same transaction overwrites it.
        former = getattr(instance, "_newsday_was_published_at", None)
        transaction.on_commit(lambda: invalidate(instance, former_publish_at=former))
    else:
        # A draft saved: readers' pages do not change (no cache flush on every
        # draft save), but a cached "next change" may have pointed at it.
        transaction.on_commit(pagecache.forget_visibility_bound)


def on_article_deleted(sender, instance, **kwargs):
    transaction.on_commit(lambda: invalidate(instance))


def on_reader_model_saved(sender, instance, **kwargs):
    transaction.on_commit(invalidate)


def on_scheduled_change_saved(sender, instance, **kwargs):
    # A new version scheduled (or cancelled) moves the next instant at which
    # readers' pages change.
    transaction.on_commit(pagecache.forget_visibility_bound)


def invalidate_live(article_id):
    """Retire cached pages and purge the live's own addresses (its page, its
    poll answer, its entries' feed) at the CDN: an entry changes nothing
    else readers see, so the lists around the live are left alone."""
    pagecache.forget_visibility_bound()
    pagecache.bump_generation()
    # Read now: the live's article may have been deleted with the entry.
    article = Article.objects.filter(pk=article_id).select_related("section").first()
    if article is None:
        return
    page = article.get_absolute_url()
    try:
        cdn.purge_urls.enqueue(
            cdn.urls_for([page, page + "direct.json", page + "direct/rss/"])
        )
    except Exception:
        logger.exception(
            "Purge CDN impossible à mettre en file pour le direct %s", article_id
        )


def on_live_saved(sender, instance, **kwargs):
    # An entry posted, edited, deleted or scheduled, or a live's summary or
    # state changed: the live's page and its poll answer change now (or a
    # scheduled entry moves the next change).
    article_id = instance.article_id
    transaction.on_commit(lambda: invalidate_live(article_id))


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
    for model in (LiveEntry, LiveCoverage):
        post_save.connect(
            on_live_saved, sender=model, dispatch_uid=f"newsday-{model}-s"
        )
        post_delete.connect(
            on_live_saved, sender=model, dispatch_uid=f"newsday-{model}-d"
        )
    post_save.connect(
        on_scheduled_change_saved, sender=ScheduledChange, dispatch_uid="newsday-sc-s"
    )
    post_delete.connect(
        on_scheduled_change_saved, sender=ScheduledChange, dispatch_uid="newsday-sc-d"
    )
