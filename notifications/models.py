from django.conf import settings
from django.db import models
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that happened to a person's work, or that waits for them."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="destinataire",
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name="article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.CharField("notification", max_length=400)
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField("date", default=timezone.now)
    read_at = models.DateTimeField("lue le", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "notification"
        verbose_name_plural = "mes notifications"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"], name="notification_inbox_idx"
            )
        ]

    def __str__(self):
        return self.text
