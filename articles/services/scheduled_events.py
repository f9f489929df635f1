"""The side effects of what was scheduled, once its time has come.

Readers see a scheduled article at its exact second without any of this
(``Article.objects.published()`` is computed at read time). What follows it,
the status change, the audit event, the log line, the signals that purge
caches and the notification hooks, is done here: by the periodic job
``articles.tasks.run_scheduled_events`` (on the task workers) or by the
``run_scheduled`` command, whichever gets there first; never twice.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent, ScheduledChange
from articles.services.audit import record_event, send_on_commit
from articles.services.scheduled_changes import apply_change, due_changes

logger = logging.getLogger("articles.workflow")

# An event is shown as overdue when run_scheduled is this late with it.
OVERDUE_GRACE = dt.timedelta(minutes=1)

Status = Article.Status
Action = AuditEvent.Action


@dataclass(frozen=True)
class ScheduledEvent:
    kind: str  # "live", "offline" or "change"
    article_id: int
    title: str
    due: dt.datetime


def due_to_go_live(at: dt.datetime):
    """Scheduled articles whose publication time has come at ``at``."""
    return Article.objects.filter(status=Status.SCHEDULED, publish_at__lte=at)


def due_to_go_offline(at: dt.datetime):
    """Published articles whose unpublication time has come at ``at``."""
    return Article.objects.filter(status=Status.PUBLISHED, unpublish_at__lte=at)


def _go_live(article: Article, now: dt.datetime) -> ScheduledEvent:
    # Readers have seen it since publish_at, even if this runs late.
    article.first_published_at = article.first_published_at or article.publish_at
    return _change_status(
        article,
        now,
        kind="live",
        status=Status.PUBLISHED,
        action=Action.WENT_LIVE,
        due=article.publish_at,
        signal=signals.article_published,
        fields=["status", "first_published_at", "modified_at"],
    )


def _go_offline(article: Article, now: dt.datetime) -> ScheduledEvent:
    return _change_status(
        article,
        now,
        kind="offline",
        status=Status.UNPUBLISHED,
        action=Action.WENT_OFFLINE,
        due=article.unpublish_at,
        signal=signals.article_unpublished,
        fields=["status", "modified_at"],
    )


def _change_status(
    article, now, *, kind, status, action, due, signal, fields
) -> ScheduledEvent:
    before = article.status
    article.status = status
    article.save(update_fields=fields)
    record_event(
        article,
        action,
        from_status=before,
        data={"due": due.isoformat(), "done": now.isoformat()},
    )
    send_on_commit(signal, article)
    logger.info(
        "%s : « %s » (id %s), prévue le %s, traitée le %s",
        action.label,
        article.title,
        article.pk,
        due.isoformat(),
        now.isoformat(),
    )
    return ScheduledEvent(kind, article.pk, article.title, due)


def _apply(change: ScheduledChange, now: dt.datetime) -> ScheduledEvent:
    apply_change(change, now)
    return ScheduledEvent(
        "change", change.article_id, change.article.title, change.apply_at
    )


def _drain(due, order: str, handle: Callable, now: dt.datetime, **lock) -> list:
    """Handle the ``due`` rows one transaction each, in ``order``, until none
    is left that no other process holds."""
    done = []
    while True:
        with transaction.atomic():
            item = (
                due.select_for_update(skip_locked=True, **lock)
                .order_by(order, "pk")
                .first()
            )
            if item is None:
                return done
            done.append(handle(item, now))


def scheduled_events_run(*, now: dt.datetime | None = None) -> list[ScheduledEvent]:
    """Perform the side effects of every event whose time has come: status
    changes, audit, log line, signals (cache purge) and notification hooks.

    Each event is handled exactly once even when several processes run this
    at the same time: due rows are taken with ``SELECT … FOR UPDATE SKIP
    LOCKED`` on PostgreSQL (SQLite serialises write transactions) and the
    state change that makes them no longer due commits with the audit event.
    Events missed during downtime are caught up in order.
    """
    now = now or timezone.now()
    changes = due_changes(now).select_related("article")
    events = _drain(due_to_go_live(now), "publish_at", _go_live, now)
    events += _drain(changes, "apply_at", _apply, now, of=("self",))
    events += _drain(due_to_go_offline(now), "unpublish_at", _go_offline, now)
    return events


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
