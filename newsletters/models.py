"""Lists, subscribers and their consent, and sends with one delivery row per
subscriber: the pending rows are where an interrupted send resumes."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article


class NewsletterList(models.Model):
    class Kind(models.TextChoices):
        DIGEST = "digest", "Matinale (chaque jour)"
        ALERT = "alert", "Alerte info"
        OTHER = "other", "Autre"

    name = models.CharField("nom", max_length=100)
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    description = models.TextField("description", blank=True)
    rhythm = models.CharField(
        "rythme",
        max_length=100,
        help_text="Affiché aux lecteurs, par exemple « Chaque jour à 7 h ».",
    )
    kind = models.CharField("type", max_length=10, choices=Kind, default=Kind.OTHER)
    active = models.BooleanField("active", default=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "liste de diffusion"
        verbose_name_plural = "listes de diffusion"
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class SubscriberQuerySet(models.QuerySet):
    def mailable(self):
        """Addresses that may receive a list's emails: not suppressed."""
        return self.filter(suppressed_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField("adresse e-mail", max_length=254, unique=True)
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)
    suppressed_at = models.DateTimeField("exclu le", null=True, blank=True)
    suppression_reason = models.CharField(
        "motif d’exclusion", max_length=200, blank=True
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"
        ordering = ["email"]

    def __str__(self):
        return self.email


class Subscription(models.Model):
    """One list for one subscriber, with the consent given for it (GDPR):
    the sentence shown, when, and from which page. Unconfirmed until the link
    of the confirmation email is followed."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        NewsletterList,
        verbose_name="liste",
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    consent_text = models.TextField("texte du consentement")
    source_url = models.CharField("page d’inscription", max_length=500, blank=True)
    consented_at = models.DateTimeField("consentement donné le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnements"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="subscription_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["newsletter"],
                condition=Q(confirmed_at__isnull=False),
                name="subscription_confirmed_idx",
            )
        ]

    def __str__(self):
        return f"{self.subscriber} — {self.newsletter}"


class PinnedArticle(models.Model):
    """An article editors want in the next « Matinale »; consumed by it."""

    newsletter = models.ForeignKey(
        NewsletterList, verbose_name="liste", on_delete=models.CASCADE
    )
    article = models.ForeignKey(
        Article, verbose_name="article", on_delete=models.CASCADE
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    pinned_at = models.DateTimeField("épinglé le", auto_now_add=True)
    used_by = models.ForeignKey(
        "Send",
        verbose_name="envoyé dans",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = "article épinglé"
        verbose_name_plural = "articles épinglés"
        ordering = ["position", "pinned_at"]

    def __str__(self):
        return str(self.article)


class Send(models.Model):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", "Programmé"
        SENDING = "sending", "En cours d’envoi"
        DONE = "done", "Envoyé"
        CANCELLED = "cancelled", "Annulé"

    newsletter = models.ForeignKey(
        NewsletterList,
        verbose_name="liste",
        on_delete=models.PROTECT,
        related_name="sends",
    )
    subject = models.CharField("objet", max_length=200)
    articles = models.ManyToManyField(
        Article, verbose_name="articles", through="SendArticle", blank=True
    )
    # The breaking article of an « Alerte info »: one alert per article.
    article = models.OneToOneField(
        Article,
        verbose_name="article de l’alerte",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="alert_send",
    )
    # The day of a « Matinale »: one per day.
    edition = models.DateField("édition du", null=True, blank=True)
    state = models.CharField(
        "état", max_length=10, choices=State, default=State.SCHEDULED, db_index=True
    )
    scheduled_for = models.DateTimeField("prévu pour")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    total = models.PositiveIntegerField("destinataires", default=0)
    sent_count = models.PositiveIntegerField("envoyés", default=0)
    failed_count = models.PositiveIntegerField("échecs", default=0)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        ordering = ["-scheduled_for"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "edition"], name="send_one_edition_per_day"
            )
        ]

    def __str__(self):
        return f"{self.newsletter} — {self.subject}"

    @property
    def remaining(self):
        return max(0, self.total - self.sent_count - self.failed_count)


class SendArticle(models.Model):
    send = models.ForeignKey(Send, on_delete=models.CASCADE)
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["send", "article"], name="send_article_unique"
            )
        ]

    def __str__(self):
        return f"{self.send_id} : {self.article_id}"


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "À envoyer"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec"

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(max_length=10, choices=State, default=State.PENDING)
    # A worker's claim on a pending row; expired claims (a killed worker) are
    # taken again. See newsletters/delivery.py.
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "remise"
        verbose_name_plural = "remises"
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="delivery_once_per_subscriber"
            )
        ]
        indexes = [
            models.Index(
                fields=["send", "id"],
                condition=Q(state="pending"),
                name="delivery_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.send_id} → {self.subscriber_id}"
