"""Agency items (« dépêches ») as the desk shows them, their earlier
versions, and the articles the newsroom made from them."""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.search import StoredVector
from wires.parsing import FLASH, URGENT


class WireItemQuerySet(models.QuerySet):
    def unused(self):
        """Items no article was made from (« non reprises »): NOT EXISTS,
        which the newest-first index can walk, not an outer join of every
        item."""
        uses = WireUse.objects.filter(item=OuterRef("pk"))
        return self.filter(~Exists(uses))

    def expired(self, *, days: int, now=None):
        """Items received more than ``days`` ago that no article uses."""
        limit = (now or timezone.now()) - timezone.timedelta(days=days)
        return self.filter(received_at__lt=limit).unused()

    def search(self, text: str):
        """French full-text search on PostgreSQL, words in any order
        elsewhere (SQLite)."""
        if connection.vendor == "postgresql":
            query = SearchQuery(text, config="french_unaccent", search_type="websearch")
            return self.alias(_document=StoredVector("search_document")).filter(
                _document=query
            )
        query = Q()
        for word in text.split()[:10]:
            query &= Q(headline__icontains=word) | Q(body_html__icontains=word)
        return self.filter(query)


class WireItem(models.Model):
    class Format(models.TextChoices):
        NEWSML12 = "newsml12", "NewsML 1.2"
        G2 = "g2", "NewsML-G2"
        NINJS = "ninjs", "ninjs"
        RSS = "rss", "RSS"
        ATOM = "atom", "Atom"

    guid = models.CharField("identifiant", max_length=255, unique=True)
    version = models.PositiveIntegerField("version", default=1)
    format = models.CharField("format", max_length=10, choices=Format.choices)
    agency = models.CharField("agence", max_length=100, db_index=True)
    urgency = models.PositiveSmallIntegerField("urgence", null=True, blank=True)
    headline = models.CharField("titre", max_length=500, blank=True)
    subheadline = models.CharField("sous-titre", max_length=500, blank=True)
    slugline = models.CharField("slug", max_length=255, blank=True)
    dateline = models.CharField("lieu et date", max_length=255, blank=True)
    byline = models.CharField("signature", max_length=255, blank=True)
    copyright = models.CharField("copyright", max_length=500, blank=True)
    usage_terms = models.TextField("conditions d’utilisation", blank=True)
    language = models.CharField("langue", max_length=20, blank=True)
    located = models.CharField("lieu", max_length=255, blank=True)
    ednote = models.TextField("note à la rédaction", blank=True)
    subjects = models.JSONField("thèmes", default=list, blank=True)
    body_html = models.TextField("texte", blank=True)
    first_created = models.DateTimeField("créée le", null=True, blank=True)
    version_created = models.DateTimeField("version du", null=True, blank=True)
    embargoed = models.DateTimeField("sous embargo jusqu’au", null=True, blank=True)
    is_update = models.BooleanField("mise à jour", default=False)
    withdrawn_at = models.DateTimeField("retirée le", null=True, blank=True)
    received_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)
    images = models.ManyToManyField(
        "images.Image", verbose_name="photos", blank=True, related_name="wire_items"
    )

    objects = WireItemQuerySet.as_manager()

    class Meta:
        verbose_name = "dépêche"
        verbose_name_plural = "dépêches"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="wire_desk_idx"),
            models.Index(fields=["urgency", "-received_at"], name="wire_urgency_idx"),
        ]

    def __str__(self):
        return self.headline or self.slugline or self.guid

    @property
    def is_flash(self):
        return self.urgency is not None and self.urgency <= URGENT

    @property
    def urgency_label(self):
        if self.urgency == FLASH:
            return "Flash"
        if self.urgency == URGENT:
            return "Urgent"
        return ""

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def is_under_embargo(self, at=None):
        return self.embargoed is not None and (at or timezone.now()) < self.embargoed


class WireVersion(models.Model):
    """An earlier version of an item, kept when a newer one replaces it."""

    item = models.ForeignKey(
        WireItem, models.CASCADE, related_name="versions", verbose_name="dépêche"
    )
    version = models.PositiveIntegerField("version")
    headline = models.CharField("titre", max_length=500, blank=True)
    body_html = models.TextField("texte", blank=True)
    version_created = models.DateTimeField("version du", null=True, blank=True)
    received_at = models.DateTimeField("reçue le", default=timezone.now)

    class Meta:
        verbose_name = "version antérieure"
        verbose_name_plural = "versions antérieures"
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "version"], name="wire_version_once"
            )
        ]

    def __str__(self):
        return f"{self.item} (version {self.version})"


class WireUse(models.Model):
    """An article made from an item (« Reprendre »), with the version used."""

    item = models.ForeignKey(
        WireItem, models.PROTECT, related_name="uses", verbose_name="dépêche"
    )
    article = models.ForeignKey(
        "articles.Article",
        models.CASCADE,
        related_name="wire_uses",
        verbose_name="article",
    )
    version = models.PositiveIntegerField("version reprise")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField("reprise le", auto_now_add=True)

    class Meta:
        verbose_name = "reprise"
        verbose_name_plural = "reprises"
        constraints = [
            models.UniqueConstraint(fields=["item", "article"], name="wire_use_once")
        ]

    def __str__(self):
        return f"{self.article} ← {self.item}"

    @property
    def newer_version_available(self):
        return self.item.version > self.version


class WireFeed(models.Model):
    """An HTTPS feed polled by the ingest, with what it answered last."""

    url = models.URLField("adresse", max_length=500, unique=True)
    agency = models.CharField("agence", max_length=100, blank=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    polled_at = models.DateTimeField("interrogé le", null=True, blank=True)

    class Meta:
        verbose_name = "flux d’agence"
        verbose_name_plural = "flux d’agence"

    def __str__(self):
        return self.url
