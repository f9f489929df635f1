"""Scheduled events seen from the outside: which are overdue, and the
middleware that swaps in a new version of a live article at its exact second.

Visibility (an article going live or offline at T) needs nothing here: it is
computed at read time by ``Article.objects.published()``. A scheduled *new
version* of a live article is different: readers read the Article row, so the
row itself must change at T. The first request at or after T applies it
before its view runs (``DueChangesMiddleware``); ``run_scheduled`` applies it
too when nobody asks. Whichever comes first does it, once.
"""

import datetime as dt

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from articles.models import Article, ScheduledChange
from articles.process_copy import ProcessCopy
from articles.services.scheduled_changes import due_changes, scheduled_changes_apply_due
from articles.services.scheduled_events import (
    ScheduledEvent,
    due_to_go_live,
    due_to_go_offline,
)

# An event is shown as overdue when run_scheduled is this late with it.
OVERDUE_GRACE = dt.timedelta(minutes=1)

NEXT_CHANGE_KEY = "articles:next-scheduled-change"
# How long a process trusts its cached « next change at » time. Creating or
# cancelling a change clears the key at once in a shared cache (Redis); with a
# per-process cache another process notices within this many seconds.
NEXT_CHANGE_TTL = 30
_NONE = "none"


# Each process also keeps the value a second (articles.process_copy), sparing
# a cache read on every request: a change scheduled less than that far ahead
# may be applied that much late by the middleware (run_scheduled is not
# affected).
NEXT_CHANGE_LOCAL_SECONDS = 1.0


def next_change_due() -> float | None:
    """Timestamp of the earliest pending new version, or None (cached)."""
    return _next_change.get()


def _shared_next_change() -> float | None:
    value = cache.get(NEXT_CHANGE_KEY)
    if value is None:
        due = ScheduledChange.objects.filter(
            state=ScheduledChange.State.PENDING
        ).aggregate(t=Min("apply_at"))["t"]
        value = due.timestamp() if due else _NONE
        cache.set(NEXT_CHANGE_KEY, value, NEXT_CHANGE_TTL)
    return None if value == _NONE else value


_next_change = ProcessCopy(_shared_next_change, seconds=NEXT_CHANGE_LOCAL_SECONDS)


def forget_next_change() -> None:
    _next_change.forget()
    cache.delete(NEXT_CHANGE_KEY)


class DueChangesMiddleware:
    """Apply due new versions of live articles before the view reads them.

    Costs a cache read at most once per ``NEXT_CHANGE_LOCAL_SECONDS`` per
    process; the database is asked at most once per ``NEXT_CHANGE_TTL``, and
    written only at the due second.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        due = next_change_due()
        now = timezone.now()
        if due is not None and due <= now.timestamp():
            scheduled_changes_apply_due(now=now)
            forget_next_change()
        return self.get_response(request)


def overdue_events(
    *, now: dt.datetime | None = None, article: Article | None = None
) -> list[ScheduledEvent]:
    """Events whose time has passed but whose side effects (status change,
    signals, notifications) ``run_scheduled`` has not performed yet; only
    those of ``article`` if given."""
    now = now or timezone.now()
    limit = now - OVERDUE_GRACE
    live, offline, changes = (
        due_to_go_live(limit),
        due_to_go_offline(limit),
        due_changes(limit),
    )
    if article is not None:
        live, offline = live.filter(pk=article.pk), offline.filter(pk=article.pk)
        changes = changes.filter(article=article)
    events = [
        ScheduledEvent("live", a.pk, a.title, a.publish_at)
        for a in live.only("title", "publish_at")
    ]
    events += [
        ScheduledEvent("offline", a.pk, a.title, a.unpublish_at)
        for a in offline.only("title", "unpublish_at")
    ]
    events += [
        ScheduledEvent("change", c.article_id, c.article.title, c.apply_at)
        for c in changes.select_related("article")
    ]
    return sorted(events, key=lambda event: event.due)
