"""« Rectificatif » and « Mise à jour »: dated notes under a published
article."""

from django.db import transaction
from django.utils import timezone

from articles import signals
from articles.models import Article, AuditEvent, Correction
from articles.services.audit import record_event, send_on_commit
from articles.services.checks import (
    WorkflowError,
    is_live,
    lock_article,
    require_perm,
)


def article_correct(*, article: Article, user, kind: str, text: str) -> Correction:
    """Append a dated « Rectificatif » or « Mise à jour » to a published
    article; readers see « Mis à jour le … »."""
    require_perm(user, "correct_article", "Vous ne pouvez pas ajouter de rectificatif.")
    if not text.strip():
        raise WorkflowError("Écrivez le texte du rectificatif.")
    if kind not in Correction.Kind.values:
        raise WorkflowError("Type de note inconnu.")
    now = timezone.now()
    with transaction.atomic():
        locked = lock_article(article)
        if locked.first_published_at is None and not is_live(locked, now):
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
        record_event(
            locked,
            AuditEvent.Action.CORRECTED,
            actor=user,
            comment=text.strip(),
            from_status=locked.status,
            data={"kind": kind, "correction": correction.pk},
        )
        if is_live(locked, now):
            send_on_commit(signals.article_updated, locked)
    article.refresh_from_db()
    return correction
