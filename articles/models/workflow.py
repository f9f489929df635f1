"""Models of the editorial workflow: revisions, scheduled changes, the audit
log, preview links, edit presence and autosaves.

They live beside ``articles/models.py`` (which imports this module, so Django
registers them with the ``articles`` app) to keep each module to one concern.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models.article import Article

__all__ = [
    "AuditEvent",
    "Autosave",
    "EditPresence",
    "PreviewLink",
    "Revision",
    "ScheduledChange",
]

PRESENCE_TIMEOUT = dt.timedelta(seconds=60)
PREVIEW_LINK_LIFETIME = dt.timedelta(hours=48)


class Revision(models.Model):
    """The full content of an article (text, bylines, tags, related links) as
    saved at one moment. Never changed once written: restoring an old revision
    writes a new one."""

    article = models.ForeignKey(
        Article,
        verbose_name="article",
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    number = models.PositiveIntegerField("numéro")
    created_at = models.DateTimeField("date", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    content = models.JSONField("contenu")
    fingerprint = models.CharField("empreinte", max_length=64)
    note = models.CharField("note", max_length=300, blank=True)

    class Meta:
        verbose_name = "révision"
        verbose_name_plural = "révisions"
        ordering = ["-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_number_once_per_article"
            )
        ]

    def __str__(self):
        return f"Révision n° {self.number} de « {self.article} »"


class ScheduledChange(models.Model):
    """A new version of a live article that replaces it at ``apply_at``.

    Readers see it from ``apply_at`` to the second: reader queries show the
    due version in memory (``ArticleQuerySet.with_due_versions()``), and
    ``run_scheduled`` writes it into the article soon after. No reader's
    request writes to the database.
    """

    class State(models.TextChoices):
        PENDING = "pending", "En attente"
        APPLIED = "applied", "Appliquée"
        CANCELLED = "cancelled", "Annulée"

    article = models.ForeignKey(
        Article,
        verbose_name="article",
        on_delete=models.CASCADE,
        related_name="scheduled_changes",
    )
    content = models.JSONField("contenu")
    base_fingerprint = models.CharField(
        "empreinte de la version de départ", max_length=64, blank=True
    )
    apply_at = models.DateTimeField("à appliquer le")
    state = models.CharField(
        "état", max_length=16, choices=State, default=State.PENDING
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    applied_at = models.DateTimeField("appliquée le", null=True, blank=True)
    revision = models.OneToOneField(
        Revision,
        verbose_name="révision créée",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scheduled_change",
    )

    class Meta:
        verbose_name = "modification programmée"
        verbose_name_plural = "modifications programmées"
        ordering = ["apply_at", "id"]
        indexes = [
            models.Index(
                fields=["apply_at"],
                condition=Q(state="pending"),
                name="scheduledchange_pending_idx",
            )
        ]

    def __str__(self):
        return f"Nouvelle version de « {self.article} »"


class AuditEvent(models.Model):
    """Who did what to which article, and when. Written by the services."""

    class Action(models.TextChoices):
        CREATED = "created", "Création"
        EDITED = "edited", "Modification"
        SUBMITTED = "submitted", "Soumission"
        SENT_BACK = "sent_back", "Renvoi au journaliste"
        SCHEDULED = "scheduled", "Programmation"
        UNSCHEDULED = "unscheduled", "Déprogrammation"
        PUBLISHED = "published", "Publication"
        WENT_LIVE = "went_live", "Mise en ligne programmée"
        UNPUBLISHED = "unpublished", "Dépublication"
        WENT_OFFLINE = "went_offline", "Dépublication programmée"
        CORRECTED = "corrected", "Rectificatif ou mise à jour"
        RESTORED = "restored", "Restauration d’une révision"
        CHANGE_SCHEDULED = "change_scheduled", "Nouvelle version programmée"
        CHANGE_APPLIED = "change_applied", "Nouvelle version mise en ligne"
        CHANGE_CANCELLED = "change_cancelled", "Nouvelle version annulée"
        PREVIEW_LINK_CREATED = "preview_link_created", "Lien de prévisualisation créé"
        PREVIEW_LINK_REVOKED = (
            "preview_link_revoked",
            "Lien de prévisualisation révoqué",
        )
        DELETED = "deleted", "Suppression"
        NEWSLETTER_ALERT = "newsletter_alert", "Alerte info envoyée par e-mail"

    article = models.ForeignKey(
        Article,
        verbose_name="article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    # Kept so the log still names an article after it is deleted.
    article_title = models.CharField("titre de l’article", max_length=250)
    action = models.CharField("action", max_length=32, choices=Action, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="personne",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Vide pour une action automatique (programmation).",
    )
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    comment = models.TextField("commentaire", blank=True)
    from_status = models.CharField(
        "statut avant", max_length=16, choices=Article.Status, blank=True
    )
    to_status = models.CharField(
        "statut après", max_length=16, choices=Article.Status, blank=True
    )
    data = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        verbose_name = "évènement du journal éditorial"
        # Counted as « 19 évènements du journal éditorial ».
        verbose_name_plural = "évènements du journal éditorial"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "-created_at"], name="audit_article_idx")
        ]

    def __str__(self):
        return f"{self.get_action_display()} — {self.article_title}"


class PreviewLink(models.Model):
    """A link that shows one unpublished article to someone without an
    account. The URL carries a signed token naming this row; the row says
    whether the link still works."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    article = models.ForeignKey(
        Article,
        verbose_name="article",
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créé par",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    expires_at = models.DateTimeField("expire le")
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True)
    note = models.CharField(
        "pour qui",
        max_length=200,
        blank=True,
        help_text="Par exemple « Relecture par le service juridique ».",
    )
    last_used_at = models.DateTimeField("dernière consultation", null=True, blank=True)

    class Meta:
        verbose_name = "lien de prévisualisation"
        verbose_name_plural = "liens de prévisualisation"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Lien de prévisualisation de « {self.article} »"

    def get_absolute_url(self):
        return reverse("preview:link", kwargs={"token": self.token})

    def is_active(self, at=None):
        now = at or timezone.now()
        return self.revoked_at is None and now < self.expires_at

    # Kept as it was first written: changing it would break every link out.
    SIGNING_SALT = "articles.preview-link"

    @property
    def token(self) -> str:
        """The signed token of the link's address. No timestamp in the
        signature: expiry and revocation are the row's own fields, and a
        link keeps one address for as long as it lives."""
        signer = signing.Signer(salt=self.SIGNING_SALT)
        return signer.sign_object({"l": str(self.pk), "a": self.article_id})

    @classmethod
    def ids_from_token(cls, token: str) -> tuple[uuid.UUID, int] | None:
        """(link id, article id) named by a genuine token, else None."""
        try:
            payload = signing.Signer(salt=cls.SIGNING_SALT).unsign_object(token)
            return uuid.UUID(payload["l"]), int(payload["a"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None

    def full_url(self, request=None) -> str:
        """The link's full address, for the person who shares it."""
        url = self.get_absolute_url()
        return request.build_absolute_uri(url) if request else settings.SITE_URL + url


class EditPresence(models.Model):
    """Who has an article's edit page open; refreshed by the page every few
    seconds and forgotten after ``PRESENCE_TIMEOUT``."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="edit_presences"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "présence sur la page d’édition"
        verbose_name_plural = "présences sur les pages d’édition"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="presence_once_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user} sur « {self.article} »"


class Autosave(models.Model):
    """The text a user is typing, saved every few seconds by the edit page, so
    a closed tab or an expired session loses nothing. ``article`` is empty
    for an article not saved yet."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
    )
    data = models.JSONField("champs")
    base_fingerprint = models.CharField(max_length=64, blank=True)
    saved_at = models.DateTimeField("enregistré le", default=timezone.now)

    class Meta:
        verbose_name = "enregistrement automatique"
        verbose_name_plural = "enregistrements automatiques"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"], name="autosave_once_per_user_article"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="autosave_one_new_article_per_user",
            ),
        ]

    def __str__(self):
        return f"Enregistrement automatique de {self.user}"
