"""Rubriques and authors: what articles are filed under and signed by."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from core.links import cached_reverse

# First path segments the site itself uses: a section cannot take them.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "articles",
        "auteurs",
        "flux",
        "healthz",
        "images",
        "media",
        "newsletters",
        "mots-cles",
        "preview",
        "recherche",
        "robots.txt",
        "rss",
        "sitemap.xml",
        "sitemaps",
        "static",
    }
)


class Section(models.Model):
    name = models.CharField("nom", max_length=100, unique=True)
    slug = models.SlugField("identifiant d’URL", max_length=100, unique=True)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField(
        "position dans le menu", default=0, db_index=True
    )
    is_active = models.BooleanField("active", default=True)

    class Meta:
        verbose_name = "rubrique"
        verbose_name_plural = "rubriques"
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("website:section", slug=self.slug)

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": "Cet identifiant est réservé par le site ; choisissez-en un autre."
                }
            )


class Author(models.Model):
    name = models.CharField("nom", max_length=150)
    slug = models.SlugField("identifiant d’URL", max_length=150, unique=True)
    role = models.CharField(
        "fonction",
        max_length=150,
        blank=True,
        help_text="Par exemple « Correspondant à Bruxelles ».",
    )
    bio = models.TextField("biographie", blank=True)
    photo = models.ImageField("photo", upload_to="authors/%Y/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte utilisateur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("website:author", slug=self.slug)
