"""Partner keys: who may read the content API beyond the anonymous limit.

A key is shown once, when it is created; only a SHA-256 digest of its secret
is stored. SHA-256 rather than a slow password hasher: the secret is 256
random bits, not a password a person chose, so it cannot be guessed from its
digest, and every keyed request checks it.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import models

# « nd_<prefix>_<secret> »: the prefix finds the key, the secret proves it.
TOKEN_PREFIX = "nd_"  # noqa: S105 (a public marker, not a secret)


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class PartnerKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PartnerKey(models.Model):
    name = models.CharField(
        "partenaire",
        max_length=150,
        help_text="Qui utilise cette clé, par exemple « Application mobile » ou « Agrégateur X ».",
    )
    prefix = models.CharField("préfixe", max_length=16, unique=True, editable=False)
    secret_hash = models.CharField("empreinte du secret", max_length=64, editable=False)
    rate_limit = models.PositiveIntegerField(
        "requêtes par minute",
        default=600,
        help_text="Au-delà, l’API répond 429 jusqu’à la minute suivante.",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    revoked_at = models.DateTimeField(
        "révoquée le", null=True, blank=True, editable=False
    )

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        verbose_name = "clé partenaire"
        verbose_name_plural = "clés partenaires"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    def matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, secret_digest(secret))


class RateCounter(models.Model):
    """A client's requests in its current fixed window, when counters are
    kept in the database (``api.ratelimit``): one row per client (an IP
    address or a key), reset when its next window starts."""

    who = models.CharField("client", max_length=100, primary_key=True)
    window_start = models.BigIntegerField("début de la fenêtre")
    hits = models.PositiveIntegerField("requêtes")

    class Meta:
        # Named in the counter's SQL (api.ratelimit).
        db_table = "api_ratecounter"
        verbose_name = "compteur de requêtes"
        verbose_name_plural = "compteurs de requêtes"
        indexes = [models.Index(fields=["window_start"], name="api_rate_window_idx")]

    def __str__(self):
        return f"{self.who} : {self.hits}"
