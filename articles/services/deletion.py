"""Deleting an article for good: only from the trash, only by an
administrator or the trash's own expiry job (``articles.services.trash``).
Its editorial log stays, under its title, and remembers the addresses it
had, so that the reader site answers « supprimé » (410) there for ever."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError

from articles.models import Article, AuditEvent
from articles.services.audit import record_event
from articles.services.checks import WorkflowError, lock_article

logger = logging.getLogger("articles.workflow")

NBSP = "\u00a0"


def can_delete_for_good(user) -> bool:
    """Only administrators empty the trash."""
    return bool(user is not None and user.is_superuser)


def article_delete_for_good(
    *, article: Article, user, comment: str = "Supprimé définitivement."
) -> None:
    """Delete a trashed ``article`` with its revisions. ``user`` is None for
    the expiry job; anyone else must be an administrator."""
    if user is not None and not can_delete_for_good(user):
        raise PermissionDenied(
            "Seul un administrateur peut supprimer définitivement un article."
        )
    with transaction.atomic():
        locked = lock_article(article)
        if locked.status != Article.Status.TRASHED:
            raise WorkflowError(
                "Mettez d’abord l’article à la corbeille pour le supprimer."
            )
        # The log outlives the article (its link to it is emptied): what
        # the reader site needs to answer 410 at its addresses is kept here
        # (website/gone.py), not in a table of its own.
        record_event(
            locked,
            AuditEvent.Action.DELETED,
            actor=user,
            comment=comment,
            from_status=locked.status,
            data={
                "purged": True,
                "article_id": locked.pk,
                "slug": locked.slug,
                "path": locked.get_absolute_url(),
            },
        )
        try:
            locked.delete()
        except ProtectedError as error:
            # Raised before any row is deleted; leaving the block rolls the
            # event back too.
            raise WorkflowError(
                f"«{NBSP}{locked.title}{NBSP}» ne peut pas être supprimé "
                f"définitivement{NBSP}: une alerte envoyée aux abonnés en dépend. "
                "Il reste dans la corbeille."
            ) from error
    logger.info(
        "Supprimé définitivement : « %s » (id %s), par %s",
        locked.title,
        article.pk,
        user or "la purge automatique",
    )
