"""The article's workflow: submit, send back, schedule, unschedule, publish,
unpublish.

Each ``*_applies`` function says when its transition fits the article's
state, given ``live``, a function telling whether readers see the article
now (asked only when it matters). The services refuse what does not apply;
the admin offers only what does.
"""

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent
from articles.services.audit import record_event, send_on_commit
from articles.services.checks import (
    WorkflowError,
    is_live,
    lock_article,
    refuse_if_problems,
    require_aware,
    require_perm,
    require_schedule_years,
)
from articles.services.rights import can_submit

logger = logging.getLogger("articles.workflow")

Status = Article.Status
Action = AuditEvent.Action
# Whether readers see the article now, asked only when a rule needs it.
Live = Callable[[], bool]


def submit_applies(article: Article, live: Live) -> bool:
    return article.status == Status.DRAFT


def send_back_applies(article: Article, live: Live) -> bool:
    return article.status in (Status.REVIEW, Status.SCHEDULED) and not live()


def schedule_applies(article: Article, live: Live) -> bool:
    # A trashed article is restored (articles.services.trash) before anything.
    return article.status not in (Status.PUBLISHED, Status.TRASHED) and not live()


def unschedule_applies(article: Article, live: Live) -> bool:
    return article.status == Status.SCHEDULED and not live()


def publish_applies(article: Article, live: Live) -> bool:
    if article.status == Status.TRASHED:
        return False
    return not (article.status == Status.PUBLISHED and live())


def unpublish_applies(article: Article, live: Live) -> bool:
    return article.status in Status.visible()


def refuse_if_trashed(article: Article) -> None:
    if article.status == Status.TRASHED:
        raise WorkflowError(
            "Cet article est dans la corbeille\u00a0: restaurez-le d’abord."
        )


def _move(
    article: Article,
    status: str,
    action: str,
    *,
    user,
    comment: str,
    also: Sequence[str] = (),
    data: dict | None = None,
) -> None:
    """Give the locked ``article`` its new status, save it with the fields
    named in ``also`` (already set), and record the transition."""
    before = article.status
    article.status = status
    article.save(update_fields=["status", *also, "modified_at"])
    record_event(
        article, action, actor=user, comment=comment, from_status=before, data=data
    )


def article_submit(*, article: Article, user, comment: str = "") -> Article:
    """« Soumettre » : a draft goes to review."""
    require_perm(user, "submit_article", "Vous ne pouvez pas soumettre d’article.")
    with transaction.atomic():
        locked = lock_article(article)
        if not can_submit(user, locked):
            raise PermissionDenied("Vous ne pouvez soumettre que vos propres articles.")
        if not submit_applies(locked, live=lambda: is_live(locked)):
            raise WorkflowError(
                f"Seul un brouillon peut être soumis ; cet article est « {locked.get_status_display()} »."
            )
        _move(locked, Status.REVIEW, Action.SUBMITTED, user=user, comment=comment)
    article.refresh_from_db()
    return article


def article_send_back(*, article: Article, user, comment: str) -> Article:
    """« Renvoyer au journaliste » : back to draft, with a comment saying why."""
    require_perm(user, "send_back_article", "Vous ne pouvez pas renvoyer d’article.")
    if not comment.strip():
        raise WorkflowError("Dites au journaliste ce qu’il faut revoir.")
    with transaction.atomic():
        locked = lock_article(article)
        if not send_back_applies(locked, live=lambda: is_live(locked)):
            raise WorkflowError(
                "Seul un article à relire ou programmé (pas encore en ligne) peut être renvoyé."
            )
        _move(
            locked, Status.DRAFT, Action.SENT_BACK, user=user, comment=comment.strip()
        )
    article.refresh_from_db()
    return article


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
    require_perm(user, "schedule_article", "Vous ne pouvez pas programmer d’article.")
    require_aware(publish_at, "publish_at")
    require_aware(unpublish_at, "unpublish_at")
    require_schedule_years(publish_at, unpublish_at)
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
        locked = lock_article(article)
        refuse_if_trashed(locked)
        if not schedule_applies(locked, live=lambda: is_live(locked, now)):
            raise WorkflowError(
                "Cet article est déjà en ligne : dépubliez-le d’abord, ou programmez une nouvelle version."
            )
        refuse_if_problems(locked, at=publish_at)
        locked.publish_at = publish_at
        locked.unpublish_at = unpublish_at
        _move(
            locked,
            Status.SCHEDULED,
            Action.SCHEDULED,
            user=user,
            comment=comment,
            also=["publish_at", "unpublish_at"],
            data={
                "publish_at": publish_at.isoformat(),
                "unpublish_at": unpublish_at.isoformat() if unpublish_at else None,
            },
        )
    article.refresh_from_db()
    return article


def article_unschedule(*, article: Article, user, comment: str = "") -> Article:
    """Cancel a schedule that has not come yet: back to review."""
    require_perm(user, "schedule_article", "Vous ne pouvez pas déprogrammer d’article.")
    with transaction.atomic():
        locked = lock_article(article)
        if not unschedule_applies(locked, live=lambda: is_live(locked)):
            raise WorkflowError(
                "Seul un article programmé, pas encore en ligne, peut être déprogrammé."
            )
        _move(locked, Status.REVIEW, Action.UNSCHEDULED, user=user, comment=comment)
    article.refresh_from_db()
    return article


def article_publish(*, article: Article, user, comment: str = "") -> Article:
    """« Publier maintenant »."""
    require_perm(user, "publish_article", "Vous ne pouvez pas publier d’article.")
    now = timezone.now()
    with transaction.atomic():
        locked = lock_article(article)
        refuse_if_trashed(locked)
        if not publish_applies(locked, live=lambda: is_live(locked, now)):
            raise WorkflowError("Cet article est déjà publié.")
        refuse_if_problems(locked)
        was_live = is_live(locked, now)
        if was_live:
            pass  # A schedule that came: it has been live since publish_at.
        elif locked.first_published_at is None or locked.publish_at is None:
            locked.publish_at = now
        if locked.unpublish_at is not None and locked.unpublish_at <= now:
            locked.unpublish_at = None
        locked.first_published_at = locked.first_published_at or locked.publish_at
        _move(
            locked,
            Status.PUBLISHED,
            Action.PUBLISHED,
            user=user,
            comment=comment,
            also=["publish_at", "unpublish_at", "first_published_at"],
        )
        if not was_live:
            send_on_commit(signals.article_published, locked)
    logger.info("Publication : « %s » (id %s) par %s", locked.title, locked.pk, user)
    article.refresh_from_db()
    return article


def article_unpublish(
    *, article: Article, user, comment: str = "", at: dt.datetime | None = None
) -> Article:
    """« Dépublier » : now, or at ``at`` (the article stays live until then)."""
    require_perm(user, "unpublish_article", "Vous ne pouvez pas dépublier d’article.")
    require_aware(at, "at")
    require_schedule_years(at)
    now = timezone.now()
    with transaction.atomic():
        locked = lock_article(article)
        if not unpublish_applies(locked, live=lambda: is_live(locked)):
            raise WorkflowError("Cet article n’est ni publié ni programmé.")
        before = locked.status
        if at is not None and at > now:
            if locked.publish_at and at <= locked.publish_at:
                raise WorkflowError(
                    "La date de dépublication doit suivre la date de publication."
                )
            locked.unpublish_at = at
            locked.save(update_fields=["unpublish_at", "modified_at"])
            record_event(
                locked,
                Action.SCHEDULED,
                actor=user,
                comment=comment,
                from_status=before,
                data={"unpublish_at": at.isoformat()},
            )
            article.refresh_from_db()
            return article
        was_live = is_live(locked, now)
        _move(
            locked, Status.UNPUBLISHED, Action.UNPUBLISHED, user=user, comment=comment
        )
        if was_live:
            send_on_commit(signals.article_unpublished, locked)
    logger.info("Dépublication : « %s » (id %s) par %s", locked.title, locked.pk, user)
    article.refresh_from_db()
    return article
