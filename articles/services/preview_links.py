"""Links that show one unpublished article to someone without an account."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from articles.models import Article, AuditEvent, PreviewLink
from articles.models.workflow import PREVIEW_LINK_LIFETIME
from articles.services.audit import record_event
from articles.services.checks import WorkflowError, require_perm


def preview_link_create(
    *,
    article: Article,
    user,
    lifetime: dt.timedelta = PREVIEW_LINK_LIFETIME,
    note: str = "",
) -> PreviewLink:
    require_perm(
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
        record_event(
            article,
            AuditEvent.Action.PREVIEW_LINK_CREATED,
            actor=user,
            comment=note,
            from_status=article.status,
            data={"expires_at": link.expires_at.isoformat()},
        )
    return link


def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    require_perm(user, "share_preview_article", "Vous ne pouvez pas révoquer ce lien.")
    with transaction.atomic():
        locked = PreviewLink.objects.select_for_update().get(pk=link.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            record_event(
                locked.article,
                AuditEvent.Action.PREVIEW_LINK_REVOKED,
                actor=user,
                from_status=locked.article.status,
            )
    link.refresh_from_db()
    return locked
