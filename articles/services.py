"""The editorial workflow: every transition, revision and scheduled event.

Each function is keyword-only, checks the user's rights and the article's
state itself (so every caller, admin form, bulk action or command, gets the
same rules), locks the article row while it works, writes an audit event and
sends the content signals once the transaction is committed.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.module_loading import import_string

from articles import signals
from articles.formats import french_datetime
from articles.models import (
    Article,
    AuditEvent,
    Autosave,
    Correction,
    EditPresence,
    PreviewLink,
    Revision,
    ScheduledChange,
)
from articles.permissions import can_edit, is_owner
from articles.revisions import apply_snapshot, article_snapshot, fingerprint
from articles.workflow_models import PRESENCE_TIMEOUT, PREVIEW_LINK_LIFETIME

logger = logging.getLogger("articles.workflow")

Status = Article.Status
Action = AuditEvent.Action


class WorkflowError(ValidationError):
    """A transition the article's state or content does not allow; the
    message is French and meant for the person who asked."""


# --- Helpers ------------------------------------------------------------------


def _require(user, perm: str, message: str) -> None:
    if user is None or not user.has_perm(f"articles.{perm}"):
        raise PermissionDenied(message)


def _lock(article: Article) -> Article:
    """The article's row, locked until the end of the transaction."""
    return (
        Article.objects.select_for_update().select_related("section").get(pk=article.pk)
    )


def _refuse_if_problems(article: Article) -> None:
    if problems := article.publication_problems():
        raise WorkflowError(
            "L’article ne peut pas être mis en ligne : " + " ".join(problems)
        )


def _record(
    article: Article,
    action: str,
    *,
    actor=None,
    comment: str = "",
    from_status: str = "",
    data: dict | None = None,
) -> AuditEvent:
    event = AuditEvent.objects.create(
        article=article,
        article_title=article.title[:250],
        action=action,
        actor=actor,
        comment=comment,
        from_status=from_status,
        to_status=article.status,
        data=data or {},
    )
    transaction.on_commit(lambda: _notify(event))
    return event


def _notify(event: AuditEvent) -> None:
    """Call the notification hooks named in ``settings.WORKFLOW_NOTIFIERS``
    (dotted paths of callables taking the AuditEvent). A failing hook is
    logged and never undoes the transition."""
    for path in getattr(settings, "WORKFLOW_NOTIFIERS", []):
        try:
            import_string(path)(event)
        except Exception:
            logger.exception("Notification hook %s failed for event %s", path, event.pk)


def _send(signal, article: Article) -> None:
    transaction.on_commit(lambda: signal.send(sender=Article, article=article))


def _is_visible(article: Article, now: dt.datetime) -> bool:
    return Article.objects.published(at=now).filter(pk=article.pk).exists()


def _aware(value: dt.datetime | None, name: str) -> None:
    if value is not None and timezone.is_naive(value):
        raise ValueError(f"{name} must be timezone-aware")


def _finish(article: Article, locked: Article) -> Article:
    """Bring the caller's instance up to date with what was saved."""
    article.refresh_from_db()
    return article


# --- Revisions -----------------------------------------------------------------


def article_revision_create(*, article: Article, user, note: str = "") -> Revision:
    """Store the article's current content as a new revision, unless it is
    identical to the latest one. Call it inside the transaction that saved."""
    content = article_snapshot(article)
    fp = fingerprint(content)
    latest = article.revisions.order_by("-number").first()
    if latest and latest.fingerprint == fp:
        return latest
    number = (article.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return Revision.objects.create(
        article=article,
        number=number,
        created_by=user,
        content=content,
        fingerprint=fp,
        note=note,
    )


def article_current_fingerprint(*, article: Article) -> str:
    return fingerprint(article_snapshot(article))


def article_saved(*, article: Article, user, created: bool) -> Revision:
    """What follows a save of the article through the admin form: a
    revision, an audit event, the user's autosave cleared, and a signal if
    readers see the article."""
    before = article.revisions.order_by("-number").first()
    revision = article_revision_create(article=article, user=user)
    Autosave.objects.filter(user=user, article=article).delete()
    if created:
        Autosave.objects.filter(user=user, article__isnull=True).delete()
        _record(article, Action.CREATED, actor=user, data={"revision": revision.number})
    elif revision != before:
        _record(article, Action.EDITED, actor=user, data={"revision": revision.number})
        if _is_visible(article, timezone.now()):
            _send(signals.article_updated, article)
    return revision


def article_restore_revision(*, article: Article, user, revision: Revision) -> Revision:
    """Make an old revision's content current again, as a new revision.

    A published article keeps its address (slug and section).
    """
    if revision.article_id != article.pk:
        raise WorkflowError("Cette révision appartient à un autre article.")
    if not can_edit(user, article):
        raise PermissionDenied("Vous ne pouvez pas modifier cet article.")
    with transaction.atomic():
        locked = _lock(article)
        apply_snapshot(
            locked,
            revision.content,
            keep_address=locked.first_published_at is not None,
        )
        new = article_revision_create(
            article=locked,
            user=user,
            note=f"Restauration de la révision n° {revision.number}",
        )
        _record(
            locked,
            Action.RESTORED,
            actor=user,
            from_status=locked.status,
            data={"from_revision": revision.number, "revision": new.number},
        )
        if _is_visible(locked, timezone.now()):
            _send(signals.article_updated, locked)
    article.refresh_from_db()
    return new


# --- Transitions -----------------------------------------------------------------


def article_submit(*, article: Article, user, comment: str = "") -> Article:
    """« Soumettre » : a draft goes to review."""
    _require(user, "submit_article", "Vous ne pouvez pas soumettre d’article.")
    with transaction.atomic():
        locked = _lock(article)
        if not (is_owner(user, locked) or user.has_perm("articles.change_any_article")):
            raise PermissionDenied("Vous ne pouvez soumettre que vos propres articles.")
        if locked.status != Status.DRAFT:
            raise WorkflowError(
                f"Seul un brouillon peut être soumis ; cet article est « {locked.get_status_display()} »."
            )
        locked.status = Status.REVIEW
        locked.save(update_fields=["status", "modified_at"])
        _record(
            locked,
            Action.SUBMITTED,
            actor=user,
            comment=comment,
            from_status=Status.DRAFT,
        )
    return _finish(article, locked)


def article_send_back(*, article: Article, user, comment: str) -> Article:
    """« Renvoyer au journaliste » : back to draft, with a comment saying why."""
    _require(user, "send_back_article", "Vous ne pouvez pas renvoyer d’article.")
    if not comment.strip():
        raise WorkflowError("Dites au journaliste ce qu’il faut revoir.")
    with transaction.atomic():
        locked = _lock(article)
        if locked.status not in (Status.REVIEW, Status.SCHEDULED) or _is_visible(
            locked, timezone.now()
        ):
            raise WorkflowError(
                "Seul un article à relire ou programmé (pas encore en ligne) peut être renvoyé."
            )
        before = locked.status
        locked.status = Status.DRAFT
        locked.save(update_fields=["status", "modified_at"])
        _record(
            locked,
            Action.SENT_BACK,
            actor=user,
            comment=comment.strip(),
            from_status=before,
        )
    return _finish(article, locked)


def article_schedule(
    *,
    article: Article,
    user,
    publish_at: dt.datetime,
    unpublish_at: dt.datetime | None = None,
    comment: str = "",
) -> Article:
    """« Programmer » : the article goes live at ``publish_at`` (to the second;
    readers' pages compute it), and offline at ``unpublish_at`` if given."""
    _require(user, "schedule_article", "Vous ne pouvez pas programmer d’article.")
    _aware(publish_at, "publish_at")
    _aware(unpublish_at, "unpublish_at")
    now = timezone.now()
    if publish_at <= now:
        raise WorkflowError(
            "Cette date est passée : choisissez une date à venir, ou « Publier maintenant »."
        )
    if unpublish_at is not None and unpublish_at <= publish_at:
        raise WorkflowError(
            "La date de dépublication doit suivre la date de publication."
        )
    with transaction.atomic():
        locked = _lock(article)
        if locked.status == Status.PUBLISHED or _is_visible(locked, now):
            raise WorkflowError(
                "Cet article est déjà en ligne : dépubliez-le d’abord, ou programmez une nouvelle version."
            )
        _refuse_if_problems(locked)
        before = locked.status
        locked.status = Status.SCHEDULED
        locked.publish_at = publish_at
        locked.unpublish_at = unpublish_at
        locked.save(
            update_fields=["status", "publish_at", "unpublish_at", "modified_at"]
        )
        _record(
            locked,
            Action.SCHEDULED,
            actor=user,
            comment=comment,
            from_status=before,
            data={
                "publish_at": publish_at.isoformat(),
                "unpublish_at": unpublish_at.isoformat() if unpublish_at else None,
            },
        )
    return _finish(article, locked)


def article_unschedule(*, article: Article, user, comment: str = "") -> Article:
    """Cancel a schedule that has not come yet: back to review."""
    _require(user, "schedule_article", "Vous ne pouvez pas déprogrammer d’article.")
    with transaction.atomic():
        locked = _lock(article)
        if locked.status != Status.SCHEDULED or _is_visible(locked, timezone.now()):
            raise WorkflowError(
                "Seul un article programmé, pas encore en ligne, peut être déprogrammé."
            )
        locked.status = Status.REVIEW
        locked.save(update_fields=["status", "modified_at"])
        _record(
            locked,
            Action.UNSCHEDULED,
            actor=user,
            comment=comment,
            from_status=Status.SCHEDULED,
        )
    return _finish(article, locked)


def article_publish(*, article: Article, user, comment: str = "") -> Article:
    """« Publier maintenant »."""
    _require(user, "publish_article", "Vous ne pouvez pas publier d’article.")
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(article)
        if locked.status == Status.PUBLISHED and _is_visible(locked, now):
            raise WorkflowError("Cet article est déjà publié.")
        _refuse_if_problems(locked)
        was_visible = _is_visible(locked, now)
        before = locked.status
        if was_visible:
            pass  # A schedule that came: it has been live since publish_at.
        elif locked.first_published_at is None or locked.publish_at is None:
            locked.publish_at = now
        if locked.unpublish_at is not None and locked.unpublish_at <= now:
            locked.unpublish_at = None
        locked.status = Status.PUBLISHED
        locked.first_published_at = locked.first_published_at or locked.publish_at
        locked.save(
            update_fields=[
                "status",
                "publish_at",
                "unpublish_at",
                "first_published_at",
                "modified_at",
            ]
        )
        _record(
            locked, Action.PUBLISHED, actor=user, comment=comment, from_status=before
        )
        if not was_visible:
            _send(signals.article_published, locked)
    logger.info("Publication : « %s » (id %s) par %s", locked.title, locked.pk, user)
    return _finish(article, locked)


def article_unpublish(
    *, article: Article, user, comment: str = "", at: dt.datetime | None = None
) -> Article:
    """« Dépublier » : now, or at ``at`` (the article stays live until then)."""
    _require(user, "unpublish_article", "Vous ne pouvez pas dépublier d’article.")
    _aware(at, "at")
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(article)
        if locked.status not in Status.visible():
            raise WorkflowError("Cet article n’est ni publié ni programmé.")
        before = locked.status
        if at is not None and at > now:
            if locked.publish_at and at <= locked.publish_at:
                raise WorkflowError(
                    "La date de dépublication doit suivre la date de publication."
                )
            locked.unpublish_at = at
            locked.save(update_fields=["unpublish_at", "modified_at"])
            _record(
                locked,
                Action.SCHEDULED,
                actor=user,
                comment=comment,
                from_status=before,
                data={"unpublish_at": at.isoformat()},
            )
            return _finish(article, locked)
        was_visible = _is_visible(locked, now)
        locked.status = Status.UNPUBLISHED
        locked.save(update_fields=["status", "modified_at"])
        _record(
            locked, Action.UNPUBLISHED, actor=user, comment=comment, from_status=before
        )
        if was_visible:
            _send(signals.article_unpublished, locked)
    logger.info("Dépublication : « %s » (id %s) par %s", locked.title, locked.pk, user)
    return _finish(article, locked)


def article_correct(*, article: Article, user, kind: str, text: str) -> Correction:
    """Append a dated « Rectificatif » or « Mise à jour » to a published
    article; readers see « Mis à jour le … »."""
    _require(user, "correct_article", "Vous ne pouvez pas ajouter de rectificatif.")
    if not text.strip():
        raise WorkflowError("Écrivez le texte du rectificatif.")
    if kind not in Correction.Kind.values:
        raise WorkflowError("Type de note inconnu.")
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(article)
        if locked.first_published_at is None and not _is_visible(locked, now):
            raise WorkflowError(
                "Un rectificatif s’ajoute à un article déjà publié ; modifiez simplement ce brouillon."
            )
        correction = Correction.objects.create(
            article=locked,
            kind=kind,
            text=text.strip(),
            created_at=now,
            created_by=user,
        )
        locked.updated_at = now
        locked.save(update_fields=["updated_at", "modified_at"])
        _record(
            locked,
            Action.CORRECTED,
            actor=user,
            comment=text.strip(),
            from_status=locked.status,
            data={"kind": kind, "correction": correction.pk},
        )
        if _is_visible(locked, now):
            _send(signals.article_updated, locked)
    article.refresh_from_db()
    return correction


# --- A new version of a live article, at T ------------------------------------


def article_schedule_change(
    *,
    article: Article,
    user,
    content: dict,
    apply_at: dt.datetime,
    base_fingerprint: str = "",
) -> ScheduledChange:
    """Keep ``content`` aside and make it the article's content at ``apply_at``."""
    _require(user, "schedule_article", "Vous ne pouvez pas programmer de modification.")
    _aware(apply_at, "apply_at")
    if apply_at <= timezone.now():
        raise WorkflowError("Choisissez une date à venir pour la nouvelle version.")
    with transaction.atomic():
        locked = _lock(article)
        if not _is_visible(locked, timezone.now()):
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
        _record(
            locked,
            Action.CHANGE_SCHEDULED,
            actor=user,
            from_status=locked.status,
            data={"apply_at": apply_at.isoformat(), "change": change.pk},
        )
    from articles.scheduling import forget_next_change

    transaction.on_commit(forget_next_change)
    return change


def scheduled_change_cancel(*, change: ScheduledChange, user) -> ScheduledChange:
    _require(user, "schedule_article", "Vous ne pouvez pas annuler cette modification.")
    with transaction.atomic():
        locked = ScheduledChange.objects.select_for_update().get(pk=change.pk)
        if locked.state != ScheduledChange.State.PENDING:
            raise WorkflowError("Cette nouvelle version n’est plus en attente.")
        locked.state = ScheduledChange.State.CANCELLED
        locked.save(update_fields=["state"])
        _record(
            locked.article,
            Action.CHANGE_CANCELLED,
            actor=user,
            from_status=locked.article.status,
            data={"change": locked.pk},
        )
    change.refresh_from_db()
    return locked


def _apply_change(change: ScheduledChange, now: dt.datetime) -> None:
    """Apply a due change; the caller holds its row lock in a transaction."""
    article = _lock(change.article)
    apply_snapshot(article, change.content, keep_address=True)
    revision = article_revision_create(
        article=article,
        user=change.created_by,
        note=f"Nouvelle version programmée pour le {french_datetime(change.apply_at)}",
    )
    change.state = ScheduledChange.State.APPLIED
    change.applied_at = now
    change.revision = revision
    change.save(update_fields=["state", "applied_at", "revision"])
    _record(
        article,
        Action.CHANGE_APPLIED,
        from_status=article.status,
        data={
            "change": change.pk,
            "revision": revision.number,
            "due": change.apply_at.isoformat(),
        },
    )
    if _is_visible(article, now):
        _send(signals.article_updated, article)
    logger.info(
        "Nouvelle version en ligne : « %s » (id %s), prévue le %s, appliquée le %s",
        article.title,
        article.pk,
        change.apply_at.isoformat(),
        now.isoformat(),
    )


# --- Scheduled events: run_scheduled and the first reader after T ------------------


@dataclass(frozen=True)
class ScheduledEvent:
    kind: str  # "live", "offline" or "change"
    article_id: int
    title: str
    due: dt.datetime


def _go_live(article: Article, now: dt.datetime) -> ScheduledEvent:
    article.status = Status.PUBLISHED
    # Readers have seen it since publish_at, even if this runs late.
    article.first_published_at = article.first_published_at or article.publish_at
    article.save(update_fields=["status", "first_published_at", "modified_at"])
    _record(
        article,
        Action.WENT_LIVE,
        from_status=Status.SCHEDULED,
        data={"due": article.publish_at.isoformat(), "done": now.isoformat()},
    )
    _send(signals.article_published, article)
    logger.info(
        "Mise en ligne programmée : « %s » (id %s), prévue le %s, traitée le %s",
        article.title,
        article.pk,
        article.publish_at.isoformat(),
        now.isoformat(),
    )
    return ScheduledEvent("live", article.pk, article.title, article.publish_at)


def _go_offline(article: Article, now: dt.datetime) -> ScheduledEvent:
    before = article.status
    article.status = Status.UNPUBLISHED
    article.save(update_fields=["status", "modified_at"])
    _record(
        article,
        Action.WENT_OFFLINE,
        from_status=before,
        data={"due": article.unpublish_at.isoformat(), "done": now.isoformat()},
    )
    _send(signals.article_unpublished, article)
    logger.info(
        "Dépublication programmée : « %s » (id %s), prévue le %s, traitée le %s",
        article.title,
        article.pk,
        article.unpublish_at.isoformat(),
        now.isoformat(),
    )
    return ScheduledEvent("offline", article.pk, article.title, article.unpublish_at)


def _drain(next_item: Callable, handle: Callable, now: dt.datetime) -> list:
    """Handle due items one transaction each, until none is left that no
    other process holds."""
    done = []
    while True:
        with transaction.atomic():
            item = next_item()
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

    def due_live():
        return (
            Article.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SCHEDULED, publish_at__lte=now)
            .order_by("publish_at", "pk")
            .first()
        )

    def due_offline():
        return (
            Article.objects.select_for_update(skip_locked=True)
            .filter(status=Status.PUBLISHED, unpublish_at__lte=now)
            .order_by("unpublish_at", "pk")
            .first()
        )

    def due_change():
        return (
            ScheduledChange.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("article")
            .filter(state=ScheduledChange.State.PENDING, apply_at__lte=now)
            .order_by("apply_at", "pk")
            .first()
        )

    def change(item, at):
        _apply_change(item, at)
        return ScheduledEvent(
            "change", item.article_id, item.article.title, item.apply_at
        )

    events = _drain(due_live, _go_live, now)
    events += _drain(due_change, change, now)
    events += _drain(due_offline, _go_offline, now)
    return events


def scheduled_changes_apply_due(*, now: dt.datetime | None = None) -> int:
    """Apply the new versions whose time has come, waiting for a process
    that is applying one: a reader's request must not see the old content
    after T. Returns how many this call applied."""
    now = now or timezone.now()
    applied = 0
    due = ScheduledChange.objects.filter(
        state=ScheduledChange.State.PENDING, apply_at__lte=now
    ).order_by("apply_at", "pk")
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            change = (
                ScheduledChange.objects.select_for_update(of=("self",))
                .select_related("article")
                .get(pk=pk)
            )
            if change.state == ScheduledChange.State.PENDING:
                _apply_change(change, now)
                applied += 1
    return applied


# --- Preview links ----------------------------------------------------------------


def preview_link_create(
    *,
    article: Article,
    user,
    lifetime: dt.timedelta = PREVIEW_LINK_LIFETIME,
    note: str = "",
) -> PreviewLink:
    _require(
        user,
        "share_preview_article",
        "Vous ne pouvez pas partager de lien de prévisualisation.",
    )
    if lifetime <= dt.timedelta(0):
        raise WorkflowError("La durée de validité doit être positive.")
    with transaction.atomic():
        link = PreviewLink.objects.create(
            article=article,
            created_by=user,
            expires_at=timezone.now() + lifetime,
            note=note,
        )
        _record(
            article,
            Action.PREVIEW_LINK_CREATED,
            actor=user,
            comment=note,
            from_status=article.status,
            data={"expires_at": link.expires_at.isoformat()},
        )
    return link


def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    _require(user, "share_preview_article", "Vous ne pouvez pas révoquer ce lien.")
    with transaction.atomic():
        locked = PreviewLink.objects.select_for_update().get(pk=link.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            _record(
                locked.article,
                Action.PREVIEW_LINK_REVOKED,
                actor=user,
                from_status=locked.article.status,
            )
    link.refresh_from_db()
    return locked


# --- The edit page: presence and autosave ------------------------------------------


def presence_touch(*, article: Article, user) -> list:
    """Note that ``user`` has the article's edit page open; return the other
    people who have it open now."""
    now = timezone.now()
    EditPresence.objects.update_or_create(
        article=article, user=user, defaults={"last_seen": now}
    )
    others = (
        EditPresence.objects.filter(
            article=article, last_seen__gte=now - PRESENCE_TIMEOUT
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("-last_seen")
    )
    return [presence.user for presence in others]


def presence_leave(*, article: Article, user) -> None:
    EditPresence.objects.filter(article=article, user=user).delete()


def autosave_store(
    *, user, article: Article | None, data: dict, base_fingerprint: str = ""
) -> Autosave:
    if article is not None and not can_edit(user, article):
        raise PermissionDenied("Vous ne pouvez pas modifier cet article.")
    autosave, _ = Autosave.objects.update_or_create(
        user=user,
        article=article,
        defaults={
            "data": data,
            "base_fingerprint": base_fingerprint,
            "saved_at": timezone.now(),
        },
    )
    return autosave
