"""A new version of a live article, kept aside until its time comes. From T
readers see it (reader queries show a due version in memory,
``ArticleQuerySet.with_due_versions()``); ``run_scheduled`` writes it into the
article, its bylines, tags and links."""

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent, Autosave, ScheduledChange
from articles.revisions import apply_snapshot
from articles.services.audit import record_event, send_on_commit
from articles.services.checks import (
    WorkflowError,
    is_live,
    lock_article,
    require_aware,
    require_perm,
    require_schedule_years,
)
from articles.services.revisions import article_revision_create
from core.formats import french_datetime

logger = logging.getLogger("articles.workflow")

Action = AuditEvent.Action
Pending = ScheduledChange.State.PENDING


def due_changes(at: dt.datetime):
    """The pending new versions whose time has come at ``at``."""
    return ScheduledChange.objects.filter(state=Pending, apply_at__lte=at)


def article_schedule_change(
    *,
    article: Article,
    user,
    content: dict,
    apply_at: dt.datetime,
    base_fingerprint: str = "",
) -> ScheduledChange:
    """Keep ``content`` aside and make it the article's content at ``apply_at``."""
    require_perm(
        user, "schedule_article", "Vous ne pouvez pas programmer de modification."
    )
    require_aware(apply_at, "apply_at")
    require_schedule_years(apply_at)
    if apply_at <= timezone.now():
        raise WorkflowError("Choisissez une date à venir pour la nouvelle version.")
    with transaction.atomic():
        locked = lock_article(article)
        if not is_live(locked):
            raise WorkflowError(
                "Seul un article en ligne reçoit une nouvelle version programmée ; enregistrez simplement vos modifications."
            )
        change = ScheduledChange.objects.create(
            article=locked,
            content=content,
            base_fingerprint=base_fingerprint,
            apply_at=apply_at,
            created_by=user,
        )
        # The text is kept as the new version: an autosave of it is no
        # unsaved work, and offered back it would go live at the next save.
        Autosave.objects.filter(user=user, article=locked).delete()
        record_event(
            locked,
            Action.CHANGE_SCHEDULED,
            actor=user,
            from_status=locked.status,
            data={"apply_at": apply_at.isoformat(), "change": change.pk},
        )
    return change


def scheduled_change_cancel(*, change: ScheduledChange, user) -> ScheduledChange:
    require_perm(
        user, "schedule_article", "Vous ne pouvez pas annuler cette modification."
    )
    with transaction.atomic():
        locked = ScheduledChange.objects.select_for_update().get(pk=change.pk)
        if locked.state != Pending:
            raise WorkflowError("Cette nouvelle version n’est plus en attente.")
        locked.state = ScheduledChange.State.CANCELLED
        locked.save(update_fields=["state"])
        record_event(
            locked.article,
            Action.CHANGE_CANCELLED,
            actor=user,
            from_status=locked.article.status,
            data={"change": locked.pk},
        )
    change.refresh_from_db()
    return locked


def apply_change(change: ScheduledChange, now: dt.datetime) -> None:
    """Apply a due change; the caller holds its row lock in a transaction."""
    article = lock_article(change.article)
    apply_snapshot(article, change.content)
    revision = article_revision_create(
        article=article,
        user=change.created_by,
        note=f"Nouvelle version programmée pour le {french_datetime(change.apply_at)}",
    )
    change.state = ScheduledChange.State.APPLIED
    change.applied_at = now
    change.revision = revision
    change.save(update_fields=["state", "applied_at", "revision"])
    record_event(
        article,
        Action.CHANGE_APPLIED,
        from_status=article.status,
        data={
            "change": change.pk,
            "revision": revision.number,
            "due": change.apply_at.isoformat(),
        },
    )
    if is_live(article, now):
        send_on_commit(signals.article_updated, article)
    logger.info(
        "Nouvelle version en ligne : « %s » (id %s), prévue le %s, appliquée le %s",
        article.title,
        article.pk,
        change.apply_at.isoformat(),
        now.isoformat(),
    )


def scheduled_changes_apply_due(*, now: dt.datetime | None = None) -> int:
    """Apply the new versions whose time has come, waiting for a process
    that is applying one: a reader's request must not see the old content
    after T. Returns how many this call applied."""
    now = now or timezone.now()
    applied = 0
    due = due_changes(now).order_by("apply_at", "pk")
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            change = (
                ScheduledChange.objects.select_for_update(of=("self",))
                .select_related("article")
                .get(pk=pk)
            )
            if change.state == Pending:
                apply_change(change, now)
                applied += 1
    return applied
