"""Writes of live coverage: entries (post, edit, delete, promote to an
article), « L’essentiel » and the live's state.

Keyword-only, typed, and checking rights themselves, like
``articles.services``: every caller (the posting screen, a script, a test)
gets the same rules. An entry is its own row, so posts by several
journalists never wait on each other; the article row is not locked.
Readers' pages are retired by ``newsday.invalidation`` when an entry or a
live's state is saved.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles import services as article_services
from articles.models import Article, ArticleAuthor, AuditEvent, RelatedLink
from articles.services.audit import record_event
from articles.services.checks import WorkflowError
from articles.services.rights import can_edit, sees_all_articles
from live.models import LiveCoverage, LiveEntry

# What an entry's form may set; the rest is the service's.
ENTRY_FIELDS = (
    "title",
    "body",
    "image",
    "link_article",
    "link_url",
    "link_title",
    "publish_at",
    "is_important",
    "is_pinned",
)
PROMOTED_TITLE_WORDS = 14


# --- Rights ----------------------------------------------------------------


def can_post(user, article: Article) -> bool:
    """Anyone who writes articles posts in any live."""
    return article.format == Article.Format.LIVE and user.has_perm(
        "articles.change_article"
    )


def can_change_entry(user, entry: LiveEntry) -> bool:
    """A journalist edits and deletes their own entries; an editor anyone's."""
    return can_post(user, entry.article) and (
        entry.created_by_id == user.pk or sees_all_articles(user)
    )


def can_manage(user, article: Article) -> bool:
    """« L’essentiel », closing and reopening: whoever may edit the article
    itself (an editor, once it is published)."""
    return article.format == Article.Format.LIVE and can_edit(user, article)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _aware(moment: dt.datetime | None) -> dt.datetime:
    if moment is None:
        return timezone.now()
    if timezone.is_naive(moment):
        raise ValueError("publish_at must be timezone-aware")
    return moment


# --- The live ----------------------------------------------------------------


def coverage_for(article: Article) -> LiveCoverage:
    """The live's state row, made the first time it is asked for."""
    if article.format != Article.Format.LIVE:
        raise WorkflowError("Cet article n’est pas un direct.")
    coverage, _ = LiveCoverage.objects.get_or_create(article=article)
    return coverage


def live_summary_update(*, article: Article, user, summary: str) -> LiveCoverage:
    _require(can_manage(user, article), "Vous ne pouvez pas modifier l’essentiel.")
    coverage = coverage_for(article)
    coverage.summary = summary.strip()
    coverage.summary_updated_at = timezone.now()
    coverage.save(update_fields=["summary", "summary_updated_at"])
    record_event(
        article, AuditEvent.Action.EDITED, actor=user, comment="L’essentiel mis à jour."
    )
    return coverage


def live_close(
    *, article: Article, user, at: dt.datetime | None = None
) -> LiveCoverage:
    _require(can_manage(user, article), "Vous ne pouvez pas terminer ce direct.")
    coverage = coverage_for(article)
    if not coverage.is_running:
        raise WorkflowError("Ce direct est déjà terminé.")
    coverage.closed_at = _aware(at)
    coverage.save(update_fields=["closed_at"])
    record_event(
        article, AuditEvent.Action.EDITED, actor=user, comment="Direct terminé."
    )
    return coverage


def live_reopen(*, article: Article, user) -> LiveCoverage:
    _require(can_manage(user, article), "Vous ne pouvez pas rouvrir ce direct.")
    coverage = coverage_for(article)
    coverage.closed_at = None
    coverage.save(update_fields=["closed_at"])
    record_event(
        article, AuditEvent.Action.EDITED, actor=user, comment="Direct rouvert."
    )
    return coverage


# --- Entries ---------------------------------------------------------------


def entry_post(*, article: Article, user, **fields) -> LiveEntry:
    """Post an entry (online at once, or at ``publish_at`` to the second),
    signed by the user's author profile if they have one."""
    _require(can_post(user, article), "Vous ne pouvez pas publier dans ce direct.")
    unknown = set(fields) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"unknown entry fields: {sorted(unknown)}")
    fields["publish_at"] = _aware(fields.get("publish_at"))
    entry = LiveEntry(
        article=article,
        created_by=user,
        author=getattr(user, "author", None),
        created_at=timezone.now(),
        **fields,
    )
    entry.full_clean()
    with transaction.atomic():
        coverage_for(article)
        entry.save()
    return entry


def entry_edit(*, entry: LiveEntry, user, **fields) -> LiveEntry:
    """Change an entry; readers see « modifiée à … »."""
    _require(can_change_entry(user, entry), "Vous ne pouvez pas modifier cette entrée.")
    if entry.is_deleted:
        raise WorkflowError("Cette entrée a été supprimée.")
    unknown = set(fields) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"unknown entry fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.publish_at = _aware(entry.publish_at)
    entry.edited_at = timezone.now()
    entry.edited_by = user
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        record_event(
            entry.article,
            AuditEvent.Action.EDITED,
            actor=user,
            comment=f"Entrée du direct modifiée : « {_label(entry)} ».",
            data={"live_entry": entry.pk},
        )
    return entry


def entry_delete(*, entry: LiveEntry, user) -> LiveEntry:
    """Take an entry off the live. The row stays, with who and when, and the
    article's audit log says so."""
    _require(
        can_change_entry(user, entry), "Vous ne pouvez pas supprimer cette entrée."
    )
    if entry.is_deleted:
        return entry
    entry.deleted_at = timezone.now()
    entry.deleted_by = user
    with transaction.atomic():
        entry.save(update_fields=["deleted_at", "deleted_by"])
        record_event(
            entry.article,
            AuditEvent.Action.EDITED,
            actor=user,
            comment=f"Entrée du direct supprimée : « {_label(entry)} ».",
            data={"live_entry": entry.pk, "deleted": True},
        )
    return entry


def entry_promote(*, entry: LiveEntry, user) -> Article:
    """A draft article pre-filled with the entry (title, text, photo, the
    entry's author), linking back to the live in « À lire aussi ». Once the
    draft is published, the entry shows it as a card."""
    _require(
        can_post(user, entry.article) and user.has_perm("articles.add_article"),
        "Vous ne pouvez pas créer d’article à partir de cette entrée.",
    )
    live = entry.article
    title = entry.title or Truncator(strip_tags(entry.body)).words(PROMOTED_TITLE_WORDS)
    title = title or f"À partir du direct « {live.title} »"
    with transaction.atomic():
        article = Article.objects.create(
            title=title,
            slug=Article.objects.unique_slug(title),
            section=live.section,
            body=entry.body,
            hero_image=entry.image,
            created_by=user,
        )
        if entry.author_id:
            ArticleAuthor.objects.create(article=article, author=entry.author)
        RelatedLink.objects.create(article=article, target=live, position=0)
        article_services.article_saved(article=article, user=user, created=True)
        if not entry.link_article_id and not entry.link_url:
            entry.link_article = article
            entry.save(update_fields=["link_article"])
        record_event(
            live,
            AuditEvent.Action.EDITED,
            actor=user,
            comment=f"Entrée du direct reprise en article : « {article.title} ».",
            data={"live_entry": entry.pk, "article": article.pk},
        )
    return article


def _label(entry: LiveEntry) -> str:
    return entry.title or Truncator(strip_tags(entry.body)).words(8) or str(entry)
