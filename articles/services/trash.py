"""The trash (« Corbeille »): « Supprimer » puts an article there, off the
reader site (``published()`` lets no trashed article through; its address
answers 410), restorable with its revisions, tags, bylines and links for
``TRASH_RETENTION``; then the periodic job deletes it for good. Only an
administrator deletes for good before that (``articles.services.deletion``).
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent, PreviewLink, ScheduledChange
from articles.services.audit import record_event, send_on_commit
from articles.services.checks import WorkflowError, is_live, lock_article
from articles.services.deletion import (
    NBSP,
    article_delete_for_good,
    can_delete_for_good,
)
from articles.services.rights import can_edit

logger = logging.getLogger("articles.workflow")

Status = Article.Status
TRASH_RETENTION = dt.timedelta(days=30)
REASON_REQUIRED = "Indiquez pourquoi cet article en ligne est supprimé."
EXPIRED_COMMENT = (
    f"Supprimé définitivement{NBSP}: plus de "
    f"{TRASH_RETENTION.days}{NBSP}jours dans la corbeille."
)


def can_trash(user, article: Article) -> bool:
    """Who deleted before the trash existed: editors (« delete » right)."""
    return user.has_perm("articles.delete_article") and can_edit(user, article)


def trash_expires_at(article: Article) -> dt.datetime | None:
    """When the expiry job deletes ``article`` for good."""
    if article.trashed_at is None:
        return None
    return article.trashed_at + TRASH_RETENTION


def trashed_articles():
    """The trash, latest first, with what its list shows."""
    return (
        Article.objects.filter(status=Status.TRASHED)
        .select_related("section", "trashed_by")
        .order_by("-trashed_at", "-pk")
    )


def article_trash(*, article: Article, user, reason: str = "") -> Article:
    """Move ``article`` to the trash; a live one only with a ``reason``, kept
    with who and when on the article and in the editorial log. Its pending
    new versions are cancelled and its preview links revoked: nothing of it
    goes live or is shown while it is there."""
    if not can_trash(user, article):
        raise PermissionDenied("Vous ne pouvez pas supprimer cet article.")
    reason = reason.strip()
    now = timezone.now()
    with transaction.atomic():
        locked = lock_article(article)
        if locked.status == Status.TRASHED:
            raise WorkflowError("Cet article est déjà dans la corbeille.")
        live = is_live(locked, now)
        if live and not reason:
            raise WorkflowError(REASON_REQUIRED)
        before = locked.status
        if live:
            # Readers saw it (a scheduled article goes live at its second,
            # before run_scheduled writes it down): restored, it comes back
            # « Dépublié », not as a draft never seen.
            locked.first_published_at = locked.first_published_at or locked.publish_at
        locked.status = Status.TRASHED
        locked.trashed_at = now
        locked.trashed_by = user
        locked.trash_reason = reason
        locked.save(
            update_fields=[
                "status",
                "first_published_at",
                "trashed_at",
                "trashed_by",
                "trash_reason",
                "modified_at",
            ]
        )
        cancelled = list(
            ScheduledChange.objects.filter(
                article=locked, state=ScheduledChange.State.PENDING
            ).values_list("pk", flat=True)
        )
        ScheduledChange.objects.filter(pk__in=cancelled).update(
            state=ScheduledChange.State.CANCELLED
        )
        PreviewLink.objects.filter(article=locked, revoked_at__isnull=True).update(
            revoked_at=now
        )
        # No action of its own (a new choice is a migration): « Suppression »
        # with the status « Corbeille » after it says the article can come back.
        record_event(
            locked,
            AuditEvent.Action.DELETED,
            actor=user,
            comment=(
                f"Mis à la corbeille{NBSP}: {reason}"
                if reason
                else "Mis à la corbeille."
            ),
            from_status=before,
            data={"trash": True, "reason": reason, "cancelled_changes": cancelled},
        )
        if live:
            # Cache purge (the page cache and the CDN) and the other apps.
            send_on_commit(signals.article_unpublished, locked)
    logger.info(
        "Mis à la corbeille : « %s » (id %s) par %s, motif : %s",
        locked.title,
        locked.pk,
        user,
        reason or "—",
    )
    return locked


def article_restore_from_trash(*, article: Article, user) -> Article:
    """Take ``article`` out of the trash with all it had. It does not go back
    online by itself: « Dépublié » if readers ever saw it, else a draft."""
    if not can_trash(user, article):
        raise PermissionDenied("Vous ne pouvez pas restaurer cet article.")
    with transaction.atomic():
        locked = lock_article(article)
        if locked.status != Status.TRASHED:
            raise WorkflowError("Cet article n’est pas dans la corbeille.")
        locked.status = (
            Status.UNPUBLISHED if locked.first_published_at else Status.DRAFT
        )
        locked.trashed_at = None
        locked.trashed_by = None
        locked.trash_reason = ""
        locked.save(
            update_fields=[
                "status",
                "trashed_at",
                "trashed_by",
                "trash_reason",
                "modified_at",
            ]
        )
        record_event(
            locked,
            AuditEvent.Action.RESTORED,
            actor=user,
            comment="Restauré depuis la corbeille.",
            from_status=Status.TRASHED,
            data={"trash": True},
        )
    logger.info(
        "Restauré depuis la corbeille : « %s » (id %s) par %s",
        locked.title,
        locked.pk,
        user,
    )
    return locked


@dataclass
class TrashEmptied:
    """What emptying deleted, and the articles it had to keep (and why)."""

    deleted: int = 0
    kept: list[str] = field(default_factory=list)


def _delete_each(articles, *, user, comment: str) -> TrashEmptied:
    # One transaction per article: one that cannot go leaves the rest free.
    result = TrashEmptied()
    for article in articles:
        try:
            article_delete_for_good(article=article, user=user, comment=comment)
            result.deleted += 1
        except WorkflowError as error:
            result.kept.append(" ".join(error.messages))
            logger.warning("Corbeille : %s", " ".join(error.messages))
    return result


def trash_empty(*, user) -> TrashEmptied:
    """« Vider la corbeille »: every trashed article deleted for good."""
    if not can_delete_for_good(user):
        raise PermissionDenied("Seul un administrateur peut vider la corbeille.")
    return _delete_each(
        Article.objects.filter(status=Status.TRASHED).order_by("trashed_at", "pk"),
        user=user,
        comment="Supprimé définitivement (corbeille vidée).",
    )


def trash_purge_expired(*, now: dt.datetime | None = None) -> TrashEmptied:
    """Delete for good what has been in the trash longer than
    ``TRASH_RETENTION`` (the periodic job ``articles.tasks.purge_trash``)."""
    limit = (now or timezone.now()) - TRASH_RETENTION
    expired = Article.objects.filter(
        status=Status.TRASHED, trashed_at__lte=limit
    ).order_by("trashed_at", "pk")
    return _delete_each(expired, user=None, comment=EXPIRED_COMMENT)
