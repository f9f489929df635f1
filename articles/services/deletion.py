"""Deleting an article, with the reason the editorial log keeps."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles.models import Article, AuditEvent
from articles.services.audit import record_event
from articles.services.checks import WorkflowError, is_live, lock_article
from articles.services.rights import can_edit


def article_delete(*, article: Article, user, reason: str = "") -> None:
    """Delete ``article``; a live one only with a ``reason``. Its log stays
    (under its title), with who deleted it and why."""
    if not (user.has_perm("articles.delete_article") and can_edit(user, article)):
        raise PermissionDenied("Vous ne pouvez pas supprimer cet article.")
    reason = reason.strip()
    with transaction.atomic():
        locked = lock_article(article)
        if is_live(locked) and not reason:
            raise WorkflowError("Indiquez pourquoi cet article en ligne est supprimé.")
        record_event(
            locked,
            AuditEvent.Action.DELETED,
            actor=user,
            comment=reason,
            from_status=locked.status,
        )
        locked.delete()
