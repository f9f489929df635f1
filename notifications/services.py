"""Who hears of which step of the editorial workflow, in the admin and by
email. ``notify_workflow_event`` is a ``WORKFLOW_NOTIFIERS`` hook: it runs
once the step is committed, and a failure never undoes the step."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from articles.models import AuditEvent
from core.formats import person_name
from notifications.models import Notification
from notifications.tasks import send_notification_email

Action = AuditEvent.Action


def _authors(article):
    """The users who wrote ``article``: its creator and its bylines' accounts."""
    users = {
        byline.author.user for byline in article.bylines.select_related("author__user")
    }
    users.add(article.created_by)
    return {user for user in users if user is not None and user.is_active}


def _editors():
    User = get_user_model()
    return set(
        # The editors by their role; superusers would get every submission.
        User.objects.with_perm(
            "articles.send_back_article",
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        ).filter(is_active=True)
    )


def _recipients_and_text(event):
    article, actor = event.article, person_name(event.actor)
    title = event.article_title
    if event.action == Action.SENT_BACK:
        return _authors(article), f"« {title} » vous a été renvoyé par {actor}."
    if event.action == Action.SUBMITTED:
        return _editors(), f"« {title} » est soumis à la relecture par {actor}."
    if event.action in (Action.PUBLISHED, Action.WENT_LIVE):
        return _authors(article), f"« {title} » est publié."
    return set(), ""


def notify_workflow_event(event: AuditEvent) -> list[Notification]:
    if event.article is None:
        return []
    recipients, text = _recipients_and_text(event)
    recipients.discard(event.actor)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user, article=event.article, text=text, comment=event.comment
        )
        for user in sorted(recipients, key=lambda user: user.pk)
    )
    if settings.NOTIFICATIONS_BY_EMAIL:
        for notification in notifications:
            if notification.recipient.email:
                pk = notification.pk
                transaction.on_commit(lambda pk=pk: send_notification_email.enqueue(pk))
    return notifications


def notifications_mark_read(*, user, notifications) -> int:
    return (
        Notification.objects.filter(
            recipient=user, pk__in=[n.pk for n in notifications]
        )
        .unread()
        .update(read_at=timezone.now())
    )
