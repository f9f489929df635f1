"""What an article is made of beyond its own row: bylines in order,
« À lire aussi » links and dated corrections."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models.article import Article
from articles.models.sections import Author
from core.formats import french_date


class ArticleAuthor(models.Model):
    """Byline order matters: the first author is named first."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        Author, verbose_name="auteur", on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "signature"
        verbose_name_plural = "signatures"
        ordering = ["position", "id"]
        # An author's articles without visiting the bylines table.
        indexes = [
            models.Index(fields=["author", "article"], name="byline_author_article_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="byline_author_once_per_article"
            )
        ]

    def __str__(self):
        return str(self.author)


class RelatedLink(models.Model):
    """An « À lire aussi » link: one of our articles, or an external page."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        Article,
        verbose_name="article lié",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    url = models.URLField("adresse externe", max_length=500, blank=True)
    title = models.CharField(
        "titre du lien",
        max_length=250,
        blank=True,
        help_text="Obligatoire pour un lien externe ; par défaut, le titre de l’article lié.",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "lien « À lire aussi »"
        verbose_name_plural = "liens « À lire aussi »"
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(target__isnull=False) & Q(url=""))
                | (Q(target__isnull=True) & ~Q(url="") & ~Q(title="")),
                name="related_link_article_xor_url",
                violation_error_message="Choisissez un article lié ou une adresse externe avec son titre, pas les deux.",
            ),
            models.CheckConstraint(
                condition=~Q(target=models.F("article")),
                name="related_link_not_self",
                violation_error_message="Un article ne peut pas renvoyer vers lui-même.",
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or (self.target.title if self.target_id else self.url)


class Correction(models.Model):
    """A dated note appended to a published article (« Rectificatif du … »)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Rectificatif"
        UPDATE = "update", "Mise à jour"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        "type", max_length=16, choices=Kind, default=Kind.CORRECTION
    )
    text = models.TextField("texte")
    created_at = models.DateTimeField("date", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur de la note",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "rectificatif ou mise à jour"
        verbose_name_plural = "rectificatifs et mises à jour"
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} du {french_date(self.created_at)}"
