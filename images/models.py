import datetime as dt
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

# A licence this close to its end date is listed for the photo desk.
LICENCE_WARNING_DAYS = 30


# Where a list of an image's renditions, prefetched or read, is kept.
RENDITION_LIST = "rendition_list"


def original_upload_to(instance, filename):
    """``images/2026/03/manifestation-a1b2c3d4.jpg``: the random part keeps
    embargoed photos from being found by guessing their name."""
    name = PurePosixPath(filename)
    stem = slugify(name.stem)[:80] or "image"
    now = timezone.localtime()
    return (
        f"images/{now:%Y}/{now:%m}/{stem}-{secrets.token_hex(4)}{name.suffix.lower()}"
    )


def rendition_upload_to(instance, filename):
    return f"images/renditions/{instance.image_id}/{filename}"


class ImageQuerySet(models.QuerySet):
    def search(self, terms):
        """Images whose title, alt text, caption or credit hold every word."""
        qs = self
        for word in terms.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(alt__icontains=word)
                | Q(caption__icontains=word)
                | Q(credit__icontains=word)
            )
        return qs

    def licence_expired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(licence_expires_on__lt=today)

    def licence_expiring(self, today=None, days=LICENCE_WARNING_DAYS):
        """Licences still valid today that end within ``days`` days."""
        today = today or timezone.localdate()
        return self.filter(
            licence_expires_on__gte=today,
            licence_expires_on__lte=today + dt.timedelta(days=days),
        )

    def licence_needs_attention(self, today=None, days=LICENCE_WARNING_DAYS):
        """Expired, or ending within ``days`` days: soonest first."""
        today = today or timezone.localdate()
        return self.filter(
            licence_expires_on__lte=today + dt.timedelta(days=days)
        ).order_by("licence_expires_on", "pk")

    def with_renditions(self, specs=None):
        """Prefetch renditions (only ``specs`` if given) so a page showing many
        images costs one query more, whatever their number."""
        return self.prefetch_related(renditions_prefetch("renditions", specs))


class Image(models.Model):
    """A photo of the library, reused by any number of articles."""

    class Licence(models.TextChoices):
        AGENCY = "agency", "Agence (droits limités)"
        STAFF = "staff", "Rédaction (droits propres)"
        HANDOUT = "handout", "Document remis à la presse"
        CC_BY = "cc-by", "Creative Commons BY"
        CC_BY_SA = "cc-by-sa", "Creative Commons BY-SA"
        PUBLIC_DOMAIN = "public-domain", "Domaine public"
        OTHER = "other", "Autre"

    file = models.ImageField("fichier", upload_to=original_upload_to, max_length=255)
    title = models.CharField("titre", max_length=200)
    alt = models.CharField(
        "texte alternatif",
        max_length=300,
        blank=True,
        help_text="Décrit l’image pour qui ne la voit pas. Obligatoire pour publier un article qui l’utilise.",
    )
    caption = models.CharField(
        "légende",
        max_length=500,
        blank=True,
        help_text="Légende par défaut\u202f; chaque article peut la remplacer.",
    )
    credit = models.CharField(
        "crédit",
        max_length=150,
        blank=True,
        help_text="Par exemple «\u00a0Photo\u00a0: AFP\u00a0».",
    )
    licence = models.CharField(
        "licence", max_length=20, choices=Licence, default=Licence.AGENCY
    )
    licence_expires_on = models.DateField(
        "droits valables jusqu’au",
        null=True,
        blank=True,
        help_text="Dernier jour où la photo peut être montrée\u202f; vide si les droits n’expirent pas.",
    )
    focal_x = models.PositiveSmallIntegerField(
        "point d’intérêt, horizontal (%)",
        null=True,
        blank=True,
        help_text="Cliquez sur l’aperçu pour le placer. Les recadrages restent centrés sur lui.",
    )
    focal_y = models.PositiveSmallIntegerField(
        "point d’intérêt, vertical (%)", null=True, blank=True
    )
    width = models.PositiveIntegerField("largeur (px)", default=0, editable=False)
    height = models.PositiveIntegerField("hauteur (px)", default=0, editable=False)
    file_size = models.PositiveBigIntegerField(
        "poids (octets)", default=0, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="téléversée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    source_key = models.CharField(
        "identifiant d’import",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Clé de la source importée (pièce jointe WordPress), pour réimporter sans doublon.",
    )
    uploaded_at = models.DateTimeField(
        "téléversée le", default=timezone.now, editable=False, db_index=True
    )
    modified_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = "image"
        verbose_name_plural = "images"
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            models.Index(
                fields=["licence_expires_on"],
                condition=Q(licence_expires_on__isnull=False),
                name="image_licence_expiry_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True, focal_y__isnull=True)
                | Q(
                    focal_x__isnull=False,
                    focal_y__isnull=False,
                    focal_x__lte=100,
                    focal_y__lte=100,
                ),
                name="image_focal_point_in_frame",
                violation_error_message="Le point d’intérêt se donne par deux pourcentages entre 0 et 100.",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def focal_point(self):
        """(x, y) as fractions of the width and height; the centre if unset."""
        if self.focal_x is None or self.focal_y is None:
            return (0.5, 0.5)
        return (self.focal_x / 100, self.focal_y / 100)

    def licence_status(self, today=None):
        """«\u00a0expired\u00a0», «\u00a0expiring\u00a0» (within 30 days), or None."""
        if self.licence_expires_on is None:
            return None
        today = today or timezone.localdate()
        if self.licence_expires_on < today:
            return "expired"
        if self.licence_expires_on <= today + dt.timedelta(days=LICENCE_WARNING_DAYS):
            return "expiring"
        return None

    def is_licence_expired(self, today=None):
        return self.licence_status(today) == "expired"


class Rendition(models.Model):
    """A resized (or cropped) copy of an image, made once and kept."""

    image = models.ForeignKey(
        Image, on_delete=models.CASCADE, related_name="renditions"
    )
    spec = models.CharField("format", max_length=32)
    file = models.FileField("fichier", upload_to=rendition_upload_to, max_length=255)
    width = models.PositiveIntegerField("largeur (px)")
    height = models.PositiveIntegerField("hauteur (px)")
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "déclinaison"
        verbose_name_plural = "déclinaisons"
        ordering = ["image", "spec"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "spec"], name="rendition_once_per_spec"
            )
        ]

    def __str__(self):
        return f"{self.image} ({self.spec})"

    @property
    def url(self):
        return self.file.url


def renditions_prefetch(lookup, specs=None):
    """A ``Prefetch`` of the renditions at ``lookup`` (``"renditions"``,
    ``"hero_image__renditions"``…), only ``specs`` if given, into each
    image's ``rendition_list`` (``images.renditions.existing_renditions``
    reads it)."""
    renditions = Rendition.objects.all()
    if specs is not None:
        renditions = renditions.filter(spec__in=list(specs))
    return models.Prefetch(lookup, renditions, to_attr=RENDITION_LIST)
