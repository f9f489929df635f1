"""What every service leaves behind once its transaction commits: an audit
event, the notification hooks it calls, and the content signals (cache
purges) readers' pages depend on."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from articles.models import Article, AuditEvent

logger = logging.getLogger("articles.workflow")


def record_event(
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


def send_on_commit(signal, article: Article) -> None:
    transaction.on_commit(lambda: signal.send(sender=Article, article=article))
