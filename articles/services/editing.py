"""The edit page's background calls: who else has it open, and the text
saved as one types."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, Autosave, EditPresence
from articles.models.workflow import PRESENCE_TIMEOUT
from articles.services.rights import can_edit


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
