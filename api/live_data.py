"""Live coverage as the API shows it: the live's state and « L’essentiel »,
and its entries as readers see them (``LiveEntry.objects.for_readers()``:
from their ``publish_at`` to the second, deleted ones gone).

A polling app passes the ``updated_at`` of its last answer as ``since`` and
gets only what changed after it: entries posted, scheduled ones now due,
edited ones, and the ids of entries to take off (deleted, or moved to a
later time). ``updated_at`` is the moment of the latest such change, not the
time of the request, so an unchanged live answers the same bytes (ETag, 304,
a CDN's copy) however often it is asked.
"""

import datetime as dt

from django.db.models import Max, Q

from api.representation import author_ref, image_data
from articles.models import Article
from core.formats import french_datetime, site_time
from live.models import LiveCoverage, LiveEntry, attach_photos_and_links
from website.seo import absolute

# ``since`` also takes what changed this long before it: an entry saved
# while the previous answer was read (its time set, not yet committed) is
# then sent next time. Entries are applied by id: one sent twice is harmless.
SINCE_MARGIN = dt.timedelta(seconds=5)


def _date(value):
    return site_time(value) if value else None


def live_by_id(live_id: int, *, now) -> Article | None:
    """The published live ``live_id`` with its rubrique and state, or None
    (one query)."""
    return (
        Article.objects.published(now)
        .filter(pk=live_id, format=Article.Format.LIVE)
        .select_related("section", "live")
        .first()
    )


def coverage_of(article) -> LiveCoverage:
    """The live's state row; a live nobody has posted in yet has none."""
    try:
        return article.live
    except LiveCoverage.DoesNotExist:
        return LiveCoverage(article=article)


def last_change(article, coverage, *, now) -> dt.datetime:
    """When what readers see of the live last changed: an entry posted,
    due, edited or deleted, « L’essentiel » updated, the live closed (one
    query)."""
    seen = Q(publish_at__lte=now)
    found = LiveEntry.objects.filter(article=article).aggregate(
        created=Max("created_at", filter=seen),
        published=Max("publish_at", filter=seen),
        edited=Max("edited_at"),
        deleted=Max("deleted_at"),
    )
    closed = (
        coverage.closed_at if coverage.closed_at and coverage.closed_at <= now else None
    )
    moments = [*found.values(), coverage.summary_updated_at, closed, article.publish_at]
    return max(moment for moment in moments if moment)


def state_data(article, coverage, *, now) -> dict:
    running = coverage.is_running or coverage.closed_at > now
    return {
        "state": "running" if running else "closed",
        "state_label": "En cours"
        if running
        else f"Terminé le {french_datetime(coverage.closed_at)}",
        "closed_at": None if running else _date(coverage.closed_at),
        "summary": coverage.summary_points,
        "summary_updated_at": _date(coverage.summary_updated_at),
        "updated_at": _date(last_change(article, coverage, now=now)),
    }


def entries(
    article, *, now, limit: int, since=None, after=None, pinned=None
) -> list[LiveEntry]:
    """Up to ``limit`` + 1 visible entries, newest first, with their author,
    photo and linked article: changed since ``since``, older than ``after``
    (a ``(publish_at, id)`` position), only pinned ones with ``pinned``."""
    rows = LiveEntry.objects.for_readers(now).filter(article=article)
    if pinned is not None:
        rows = rows.filter(is_pinned=pinned)
    if since is not None:
        since = since - SINCE_MARGIN
        rows = rows.filter(
            Q(created_at__gt=since) | Q(publish_at__gt=since) | Q(edited_at__gt=since)
        )
    if after is not None:
        at, pk = after
        rows = rows.filter(publish_at__lte=at).filter(
            Q(publish_at__lt=at) | Q(pk__lt=pk)
        )
    found = list(rows.order_by("-publish_at", "-id")[: limit + 1])
    attach_photos_and_links(found[:limit], now)
    return found


def removed_since(article, *, since, now) -> list[int]:
    """Ids of the entries readers no longer see since ``since``: deleted,
    or edited to appear later."""
    since = since - SINCE_MARGIN
    return list(
        LiveEntry.objects.filter(article=article)
        .filter(Q(deleted_at__gt=since) | Q(edited_at__gt=since, publish_at__gt=now))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _link(entry):
    if entry.link_card is not None:
        card = entry.link_card
        return {
            "title": card.title,
            "url": absolute(card.get_absolute_url()),
            "article_id": card.pk,
        }
    if entry.link_url:
        return {
            "title": entry.link_title or entry.link_url,
            "url": entry.link_url,
            "article_id": None,
        }
    return None


def entry_data(article, entry) -> dict:
    return {
        "id": entry.pk,
        "url": absolute(f"{article.get_absolute_url()}#entree-{entry.pk}"),
        "published_at": _date(entry.publish_at),
        "edited_at": _date(entry.edited_at),
        "title": entry.title,
        # Sanitised when saved (live.sanitizer), as the page shows it.
        "body_html": entry.body,
        "author": author_ref(entry.author) if entry.author else None,
        "is_important": entry.is_important,
        "is_pinned": entry.is_pinned,
        "image": image_data(entry.photo) if entry.photo else None,
        "link": _link(entry),
    }
