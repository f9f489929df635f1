from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from notifications.models import Notification


@task
def send_notification_email(notification_id: int) -> bool:
    """Email one notification to its recipient (through Django's email API
    and the configured mailer). A notification deleted meanwhile, or a
    recipient without an address, sends nothing."""
    notification = (
        Notification.objects.select_related("recipient", "article")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or not notification.recipient.email:
        return False
    url = ""
    if notification.article_id:
        path = reverse("admin:articles_article_change", args=[notification.article_id])
        url = settings.SITE_URL + path
    send_mail(
        subject=f"[{settings.SITE_NAME}] {notification.text}",
        message=render_to_string(
            "notifications/email.txt", {"notification": notification, "url": url}
        ),
        from_email=None,
        recipient_list=[notification.recipient.email],
    )
    return True
