"""The article: what a journalist writes and readers read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from taggit.managers import TaggableManager

from articles.models.fields import SanitizedHTMLField, count_words, reading_minutes
from articles.models.querysets import (
    LAST_CHANGE,
    PUBLICATION_MONTH,
    ArticleManager,
)
from articles.models.sections import Author, Section
from articles.sanitizer import sanitize_html
from core.formats import site_time
from core.links import cached_reverse


def article_path(section_slug: str, slug: str, moment) -> str:
    """The path of an article's page: its section, its day of publication
    (``moment``) in the site's time zone, its slug. For lists that read
    rows rather than articles (sitemaps)."""
    local = site_time(moment)
    return cached_reverse(
        "website:detail",
        section=section_slug,
        year=local.year,
        month=f"{local.month:02d}",
        day=f"{local.day:02d}",
        slug=slug,
    )


# Plain fields that make up an article's content, as revisions and scheduled
# versions store them: text, then the front-page flags.
TEXT_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "body",
    "hero_caption",
    "sources",
    "seo_title",
    "social_title",
    "seo_description",
)
FLAG_FIELDS = ("is_featured", "is_breaking")
CONTENT_FIELDS = TEXT_FIELDS + FLAG_FIELDS


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        REVIEW = "review", "À relire"
        SCHEDULED = "scheduled", "Programmé"
        PUBLISHED = "published", "Publié"
        UNPUBLISHED = "unpublished", "Dépublié"
        # In the trash (« Corbeille »): off the site (410), restorable with
        # its revisions until an administrator empties it (30 days).
        TRASHED = "trashed", "Corbeille"

        @classmethod
        def visible(cls):
            return [cls.SCHEDULED, cls.PUBLISHED]

    class Language(models.TextChoices):
        FRENCH = "fr", "Français"
        ENGLISH = "en", "Anglais"
        SPANISH = "es", "Espagnol"
        GERMAN = "de", "Allemand"
        ITALIAN = "it", "Italien"
        PORTUGUESE = "pt", "Portugais"

    class Format(models.TextChoices):
        ARTICLE = "article", "Article"
        # A live coverage page: its entries and state live in the live app.
        LIVE = "live", "Direct"

    title = models.CharField("titre", max_length=250)
    slug = models.SlugField(
        "identifiant d’URL",
        max_length=250,
        unique=True,
        help_text="Fixe l’adresse de l’article ; l’ancienne adresse redirige si vous le changez.",
    )
    standfirst = models.TextField(
        "chapô",
        blank=True,
        help_text="Le paragraphe d’introduction, affiché sous le titre.",
    )
    body = SanitizedHTMLField(
        "texte",
        blank=True,
        sanitize=sanitize_html,
        extensions={
            "Bold": True,
            "Italic": True,
            "Underline": True,
            "Strike": True,
            "Subscript": True,
            "Superscript": True,
            "Heading": {"levels": [2, 3]},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            # Code and simple tables, as imported from WordPress (the editor's
            # tables have no caption: one typed in the source is kept until
            # the table is edited here).
            "Code": True,
            "CodeBlock": True,
            "Table": True,
            "TableRow": True,
            "TableHeader": True,
            "TableCell": True,
            "HardBreak": True,
            "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
            "History": True,
            "Fullscreen": True,
            # Photo library images (images/static/images/admin/library-image.js).
            "LibraryImage": {
                "chooserUrl": reverse_lazy("admin:images_image_chooser"),
                "uploadUrl": reverse_lazy("admin:images_image_chooser_upload"),
            },
        },
    )
    section = models.ForeignKey(
        Section,
        verbose_name="rubrique",
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name="auteurs",
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
    )
    tags = TaggableManager("mots-clés", blank=True)

    hero_image = models.ForeignKey(
        "images.Image",
        verbose_name="image principale",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
    )
    hero_caption = models.CharField(
        "légende pour cet article",
        max_length=500,
        blank=True,
        help_text="Laissez vide pour reprendre la légende de la photothèque.",
    )

    sources = models.CharField(
        "sources", max_length=200, blank=True, help_text="Par exemple « Avec AFP »."
    )
    is_featured = models.BooleanField("à la une", default=False)
    is_breaking = models.BooleanField("alerte info", default=False)
    format = models.CharField(
        "format",
        max_length=16,
        choices=Format,
        default=Format.ARTICLE,
        help_text="« Direct » : un suivi en direct, fait d’entrées courtes publiées au fil de l’actualité.",
    )
    language = models.CharField(
        "langue",
        max_length=8,
        choices=Language,
        default=Language.FRENCH,
        help_text="La langue du texte : navigateurs, lecteurs d’écran et moteurs de recherche la lisent.",
    )

    # How the article appears to search engines and on social networks;
    # blank falls back to the title and the chapô (website/seo.py).
    seo_title = models.CharField(
        "titre pour les moteurs de recherche",
        max_length=250,
        blank=True,
        help_text="Laissez vide pour reprendre le titre.",
    )
    social_title = models.CharField(
        "titre pour les réseaux sociaux",
        max_length=250,
        blank=True,
        help_text="Laissez vide pour reprendre le titre.",
    )
    seo_description = models.TextField(
        "description",
        blank=True,
        help_text="Pour les moteurs de recherche et les réseaux sociaux ; laissez vide pour reprendre le chapô.",
    )

    status = models.CharField(
        "statut", max_length=16, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField("date de publication", null=True, blank=True)
    unpublish_at = models.DateTimeField("date de dépublication", null=True, blank=True)
    first_published_at = models.DateTimeField(
        "première publication", null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(
        "mis à jour le",
        null=True,
        blank=True,
        help_text="Dernière mise à jour éditoriale, affichée aux lecteurs.",
    )
    word_count = models.PositiveIntegerField(
        "nombre de mots", default=0, editable=False
    )
    external_id = models.CharField(
        "identifiant d’import",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Clé de la source importée (fichier texte, WordPress), pour réimporter sans doublon.",
    )
    external_guid = models.CharField(
        "GUID d’import",
        max_length=255,
        blank=True,
        default="",
        db_index=True,
        editable=False,
        help_text="GUID WordPress de l’article importé : retrouve l’article même si le site a changé d’identifiants.",
    )

    # Set when the article goes to the trash (Status.TRASHED).
    trashed_at = models.DateTimeField(
        "mis à la corbeille le", null=True, blank=True, editable=False
    )
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="mis à la corbeille par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    trash_reason = models.TextField(
        "motif de la suppression", blank=True, editable=False
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    modified_at = models.DateTimeField("modifié le", auto_now=True)

    objects = ArticleManager()

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"
        ordering = ["-publish_at", "-id"]
        get_latest_by = "publish_at"
        # The workflow's rights, given to the roles by a data migration.
        permissions = [
            ("submit_article", "Peut soumettre un article à la relecture"),
            ("send_back_article", "Peut renvoyer un article au journaliste"),
            ("schedule_article", "Peut programmer un article"),
            ("publish_article", "Peut publier un article"),
            ("unpublish_article", "Peut dépublier un article"),
            ("change_any_article", "Peut modifier tous les articles, même publiés"),
            ("correct_article", "Peut ajouter un rectificatif ou une mise à jour"),
            ("share_preview_article", "Peut partager un lien de prévisualisation"),
            ("view_calendar_article", "Peut voir le calendrier éditorial"),
        ]
        indexes = [
            models.Index(
                fields=["status", "-publish_at"], name="article_status_pub_idx"
            ),
            models.Index(
                fields=["section", "-publish_at"], name="article_section_pub_idx"
            ),
            models.Index(
                fields=["-publish_at"],
                condition=Q(is_featured=True),
                name="article_featured_pub_idx",
            ),
            # The latest articles and the breaking-news banner are read newest
            # first and stop early: these spare a sort of the whole archive.
            models.Index(fields=["-publish_at", "-id"], name="article_pub_idx"),
            # The trash, oldest first (emptied after 30 days).
            models.Index(
                fields=["trashed_at"],
                condition=Q(trashed_at__isnull=False),
                name="article_trashed_idx",
            ),
            # The next article to go offline (next_visibility_change()).
            models.Index(
                fields=["unpublish_at"],
                condition=Q(unpublish_at__isnull=False),
                name="article_unpublish_idx",
            ),
            models.Index(
                fields=["-publish_at"],
                condition=Q(is_breaking=True),
                name="article_breaking_pub_idx",
            ),
            # The sitemap index's months and their last change
            # (published_months()): one probe per month, live articles only.
            models.Index(
                PUBLICATION_MONTH,
                LAST_CHANGE,
                condition=Q(status__in=["scheduled", "published"]),
                name="article_month_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "unpublished", "trashed"])
                | Q(publish_at__isnull=False),
                name="article_live_needs_publish_at",
                violation_error_message="Un article programmé ou publié doit avoir une date de publication.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(unpublish_at__gt=models.F("publish_at")),
                name="article_unpublish_after_publish",
                violation_error_message="La date de dépublication doit suivre la date de publication.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.word_count = count_words(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return article_path(
            self.section.slug,
            self.slug,
            self.publish_at or self.created_at or timezone.now(),
        )

    def show_content(self, content: dict):
        """Show another version's text and flags (a revision, a scheduled
        version), in memory only: nothing is saved."""
        for name in CONTENT_FIELDS:
            if name in content:
                setattr(self, name, content[name])
        return self

    def show_due_version(self):
        """Show the scheduled new version read by
        ``ArticleQuerySet.with_due_versions()`` if its time has come (the
        worker writes the row, its bylines, tags and links soon after)."""
        content = getattr(self, "due_version", None)
        return self.show_content(content) if content else self

    @property
    def reading_time(self):
        return reading_minutes(self.word_count)

    @property
    def was_updated(self):
        return bool(
            self.updated_at and self.publish_at and self.updated_at > self.publish_at
        )
