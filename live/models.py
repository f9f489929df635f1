"""Live coverage: an article whose format is « Direct » (``Article.Format.LIVE``)
gets a ``LiveCoverage`` (its state and « L’essentiel ») and ``LiveEntry`` rows,
the short timestamped posts readers see newest first.

Each entry is its own row, so several journalists post at once without
touching each other's work. An entry is visible to readers from its
``publish_at`` to the second (``LiveEntryQuerySet.published()``), computed at
read time as ``ArticleQuerySet.published()`` is: no job runs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField

from articles.models import Article, Author
from images.models import Image
from live.sanitizer import sanitize_entry_html

# What the entry editor offers: no intertitles, no images in the text.
ENTRY_EDITOR = {
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}


class EntryTextField(ProseEditorField):
    """An entry's rich text, cleaned on every save (forms, services, shell)."""

    def pre_save(self, model_instance, add):
        value = sanitize_entry_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value


class LiveCoverage(models.Model):
    """The state of a live coverage page and its « L’essentiel »."""

    article = models.OneToOneField(
        Article,
        verbose_name="article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="live",
    )
    closed_at = models.DateTimeField(
        "terminé le",
        null=True,
        blank=True,
        help_text="Vide tant que le direct est en cours.",
    )
    summary = models.TextField(
        "l’essentiel",
        blank=True,
        help_text="Un point par ligne, affichés en liste en tête du direct.",
    )
    summary_updated_at = models.DateTimeField(
        "essentiel mis à jour le", null=True, blank=True
    )

    class Meta:
        verbose_name = "direct"
        verbose_name_plural = "directs"
        ordering = ["-article__publish_at"]

    def __str__(self):
        return str(self.article)

    @property
    def is_running(self):
        return self.closed_at is None

    @property
    def summary_points(self):
        return [
            line.strip(" -•\t")
            for line in self.summary.splitlines()
            if line.strip(" -•\t")
        ]


class LiveEntryQuerySet(models.QuerySet):
    def published(self, at=None):
        """What readers may see of the entries: not deleted, and their time
        come (a scheduled entry appears at its second, without any job)."""
        now = at or timezone.now()
        return self.filter(deleted_at__isnull=True, publish_at__lte=now)

    def for_readers(self, at=None):
        """Rows for readers, with their author. Photos and linked articles
        are few: ``attach_photos_and_links()`` reads them for a whole page."""
        return self.published(at).select_related("author")

    def before(self, entry_id):
        """Entries older than the entry ``entry_id`` (the « Entrées
        précédentes » cursor), in the order readers see them."""
        cursor = LiveEntry.objects.filter(pk=entry_id).values("publish_at")[:1]
        return self.filter(
            Q(publish_at__lt=cursor) | Q(publish_at=cursor, pk__lt=entry_id)
        )


def attach_photos_and_links(entries, at=None) -> None:
    """Set ``photo`` (the image with its renditions) and ``link_card`` (the
    linked article, only if readers may see it, with its section) on each
    entry: one query for each kind, none when no entry has one."""
    now = at or timezone.now()
    image_ids = {entry.image_id for entry in entries if entry.image_id}
    link_ids = {entry.link_article_id for entry in entries if entry.link_article_id}
    photos = Image.objects.with_renditions().in_bulk(image_ids) if image_ids else {}
    cards = (
        Article.objects.published(now)
        .select_related("section")
        .only(
            "title",
            "slug",
            "publish_at",
            "created_at",
            "section__name",
            "section__slug",
        )
        .in_bulk(link_ids)
        if link_ids
        else {}
    )
    for entry in entries:
        entry.photo = photos.get(entry.image_id)
        entry.link_card = cards.get(entry.link_article_id)


class LiveEntry(models.Model):
    """One post of a live coverage page."""

    article = models.ForeignKey(
        Article,
        verbose_name="direct",
        on_delete=models.CASCADE,
        related_name="live_entries",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="publiée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        Author,
        verbose_name="signature",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    title = models.CharField("titre", max_length=150, blank=True)
    body = EntryTextField(
        "texte", blank=True, sanitize=sanitize_entry_html, extensions=ENTRY_EDITOR
    )
    image = models.ForeignKey(
        "images.Image",
        verbose_name="photo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_entries",
    )
    link_article = models.ForeignKey(
        Article,
        verbose_name="lien vers un de nos articles",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    link_url = models.URLField("lien vers une autre page", blank=True, max_length=500)
    link_title = models.CharField(
        "titre du lien",
        max_length=200,
        blank=True,
        help_text="Affiché sur la carte du lien externe ; l’adresse sinon.",
    )
    publish_at = models.DateTimeField(
        "publiée le", default=timezone.now, help_text="Heure de Paris."
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    edited_at = models.DateTimeField("modifiée le", null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="modifiée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_important = models.BooleanField("important", default=False)
    is_pinned = models.BooleanField("épinglée", default=False)
    deleted_at = models.DateTimeField("supprimée le", null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="supprimée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "entrée de direct"
        verbose_name_plural = "entrées de direct"
        ordering = ["-publish_at", "-id"]
        indexes = [
            # A live's page: its latest visible entries, newest first.
            models.Index(
                fields=["article", "-publish_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="live_entry_page_idx",
            ),
            # A live's pinned entries: a few among thousands, found without
            # reading the others.
            models.Index(
                fields=["article", "-publish_at", "-id"],
                condition=Q(deleted_at__isnull=True, is_pinned=True),
                name="live_entry_pinned_idx",
            ),
            # The next scheduled entry (next_visibility_change()).
            models.Index(
                fields=["publish_at"],
                condition=Q(deleted_at__isnull=True),
                name="live_entry_publish_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(link_article__isnull=True) | Q(link_url=""),
                name="live_entry_one_link",
                violation_error_message="Un lien à la fois : un de nos articles ou une autre page.",
            )
        ]

    def __str__(self):
        return self.title or f"Entrée du {self.publish_at:%d/%m/%Y %H:%M}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#entree-{self.pk}"

    def clean(self):
        if not (self.title.strip() or sanitize_entry_html(self.body) or self.image_id):
            raise ValidationError(
                "Une entrée vide ne peut pas être publiée : écrivez un texte, "
                "un titre ou choisissez une photo.",
                code="empty",
            )

    @property
    def is_deleted(self):
        return self.deleted_at is not None
