"""Revisions: the content kept at each save, and an old one made current
again."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from articles import signals
from articles.models import Article, AuditEvent, Autosave, Revision
from articles.revisions import apply_snapshot, article_snapshot, fingerprint
from articles.services.audit import record_event, send_on_commit
from articles.services.checks import WorkflowError, is_live, lock_article
from articles.services.rights import can_edit

Action = AuditEvent.Action


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


def article_saved(*, article: Article, user, created: bool) -> Revision:
    """What follows a save of the article through the admin form: a
    revision, an audit event, the user's autosave cleared, and a signal if
    readers see the article."""
    before = article.revisions.order_by("-number").first()
    revision = article_revision_create(article=article, user=user)
    Autosave.objects.filter(user=user, article=article).delete()
    if created:
        Autosave.objects.filter(user=user, article__isnull=True).delete()
        record_event(
            article, Action.CREATED, actor=user, data={"revision": revision.number}
        )
    elif revision != before:
        record_event(
            article, Action.EDITED, actor=user, data={"revision": revision.number}
        )
        if is_live(article):
            send_on_commit(signals.article_updated, article)
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
        locked = lock_article(article)
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
        record_event(
            locked,
            Action.RESTORED,
            actor=user,
            from_status=locked.status,
            data={"from_revision": revision.number, "revision": new.number},
        )
        if is_live(locked):
            send_on_commit(signals.article_updated, locked)
    article.refresh_from_db()
    return new
