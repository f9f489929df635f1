import datetime as dt
import functools
import math
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.db.models.functions import Coalesce, Greatest, JSONObject, TruncMonth
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from articles.db import LooseIndexScan, grouped_latest, json_datetime, json_rows
from articles.formats import french_date, site_time
from articles.links import cached_reverse
from articles.prepared import Many, PreparedQuery
from articles.sanitizer import sanitize_html
from images.body import image_ids
from images.models import Image
from images.usage import publication_problems as image_publication_problems

WORDS_PER_MINUTE = 230
# « À lire aussi » suggestions look at this many of an article's tags.
RELATED_TAGS = 10


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


# The calendar month of an article's publication in the newsroom's time zone
# (an article at 23:30 UTC on 31 October is November's in Paris), and its
# last change, publication or update: what the sitemap of each month is made
# of and dated by. Expressions, so that an index and its queries share them.
PUBLICATION_MONTH = TruncMonth("publish_at", tzinfo=ZoneInfo(settings.TIME_ZONE))
LAST_CHANGE = Greatest("publish_at", Coalesce("updated_at", "publish_at"))


def article_path(section_slug: str, slug: str, moment) -> str:
    """The path of an article's page: its section, its day of publication
    (``moment``) in the site's time zone, its slug. For lists that read
    rows rather than articles (sitemaps)."""
    local = site_time(moment)
    return cached_reverse(
        "articles:detail",
        section=section_slug,
        year=local.year,
        month=f"{local.month:02d}",
        day=f"{local.day:02d}",
        slug=slug,
    )


def breaking_news_window() -> dt.timedelta:
    """How long an « Alerte info » stays in the home page's banner after its
    publication (``BREAKING_NEWS_HOURS``)."""
    return dt.timedelta(hours=settings.BREAKING_NEWS_HOURS)


def count_words(html: str) -> int:
    return len(strip_tags(html).split())


def reading_minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


class SanitizedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned on *every* save.

    The editor's own sanitiser only runs when a form validates; cleaning in
    ``pre_save`` also covers imports, the shell and ``bulk_create``.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value


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
        return cached_reverse("articles:section", slug=self.slug)

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
        return cached_reverse("articles:author", slug=self.slug)


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """What readers may see: live now (or at ``at``) and not withdrawn.

        The one definition of visibility, used by every reader surface. It is
        computed at read time, so a scheduled article goes live at its exact
        second without any job running.
        """
        now = at or timezone.now()
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            status__in=Article.Status.visible(),
            publish_at__lte=now,
        )

    def next_visibility_change(self, after=None):
        """The next instant at which ``published()`` will change, or None.

        Caches of reader pages must not outlive it: that is what makes a
        scheduled article appear (or an expiring one vanish) on time. The end
        of an « Alerte info » banner counts too (``breaking_news_window()``).

        One query of four ordered probes (the next article to go live, to go
        offline, to be replaced by a scheduled version, to leave the banner),
        each the first entry of an index past ``after``, whatever the size of
        the archive.
        """
        from articles.workflow_models import ScheduledChange

        now = after or timezone.now()
        live = self.filter(status__in=Article.Status.visible())
        pending = ScheduledChange.objects.filter(
            state=ScheduledChange.State.PENDING, apply_at__gt=now, article__in=live
        )
        window = breaking_news_window()
        in_banner = live.filter(is_breaking=True, publish_at__gt=now - window)
        probes = [
            _first(live.filter(publish_at__gt=now), "publish_at"),
            _first(live.filter(unpublish_at__gt=now), "unpublish_at"),
            _first(pending, "apply_at"),
            _first(in_banner, "publish_at"),
        ]
        # The probes are scalar subqueries: any one row of the table carries
        # them (no row at all: no article, so nothing to change).
        row = next(iter(Article.objects.order_by().values_list(*probes)[:1]), None)
        if row is None:
            return None
        *changes, banner_since = row
        if banner_since:
            changes.append(banner_since + window)
        return min(filter(None, changes), default=None)

    def with_hero_image(self):
        """The hero image and its renditions in two queries for the whole list."""
        return self.select_related("hero_image").prefetch_related(
            "hero_image__renditions"
        )

    def tagged(self, tag):
        """Articles carrying ``tag``. A semi-join rather than a join: for a
        common tag PostgreSQL then walks the newest articles and stops after
        a page, instead of reading every article with the tag and sorting.
        The content type goes in as a value (cached by Django) for the same
        reason: a join to it hides from the planner how common the tag is."""
        tagged_items = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=OuterRef("pk"),
            tag=tag,
        )
        return self.filter(Exists(tagged_items))

    def count_up_to(self, limit):
        """How many rows, counting no further than ``limit`` + 1: a result
        above ``limit`` means « more than ``limit`` ». Its cost stays bounded
        however large the archive."""
        return self.order_by()[: limit + 1].count()

    def unique_slug(self, text, *, exclude_pk=None):
        """A free slug made from ``text`` (« -2 », « -3 »… appended if taken)."""
        base = slugify(text)[:240] or "article"
        taken = self.exclude(pk=exclude_pk) if exclude_pk else self.all()
        slug, n = base, 1
        while taken.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    # Reader queries. Each one shapes rows for one kind of page, so that a page
    # costs the same few queries however many articles, authors, tags and links
    # it shows. Chain them after published(): published().for_cards().

    def for_cards(self):
        """Rows for lists of articles: the section joined, the body left out."""
        return self.select_related("section").defer("body")

    def for_feed(self):
        """Rows for RSS items: cards plus their image, and their bylines and
        tags as JSON lists in the row (``page_bylines``, ``page_tags``):
        prefetching taggit's tags builds a queryset per item."""
        lists = _page_lists()
        return (
            self.for_cards()
            .with_hero_image()
            .annotate(byline_rows=lists["byline"], tag_rows=lists["tag"])
        )

    def for_page(self):
        """One article with what its page shows: its section, and its bylines,
        tags, corrections and related links read as JSON lists in the same
        query as the article (see ``Article.page_bylines`` and its siblings):
        one query where prefetching would take four. Its images, hero and
        body, come together from ``Article.page_images``."""
        return self.select_related("section").annotate(
            **{f"{name}_rows": rows for name, rows in _page_lists().items()}
        )

    def latest_by_section(self, sections, *, per_section):
        """The ``per_section`` latest articles of each section, in one query
        that walks the (section, publish_at) index once per section.

        This queryset's filters (``published()`` first of all) go into the
        per-section subqueries; the outer query only fetches their rows by
        primary key. One IN over a UNION, not an OR of INs: with an OR,
        PostgreSQL tests every article of the archive against each subquery.
        """
        pools = [
            self.model.objects.filter(
                pk__in=self.filter(section=section)
                .order_by("-publish_at", "-id")
                .values("pk")[:per_section]
            ).values("pk")
            for section in sections
        ]
        if not pools:
            return self.none()
        return self.model.objects.filter(pk__in=pools[0].union(*pools[1:], all=True))

    def related_to(self, section_id, tag_ids, *, limit=4):
        """Candidates for « À lire aussi » of an article: querysets of the ids
        of the ``limit`` + 1 latest articles in its section (``section_id``),
        and of those sharing one of its tags (``tag_ids``). The article itself
        may be among them, as may those its editor links to:
        ``Article.read_also`` drops both.

        Each kind is read newest first from an index and stops after
        ``limit`` + 1 rows, carrying this queryset's filters (``published()``):
        the cost stays the same on a large archive.
        """
        # Neither the article nor its editor's links are left out here (the
        # caller drops them): the query is simpler, and PostgreSQL then keeps
        # one plan for it instead of planning it at each page. One more row
        # per kind covers the article itself; each link that takes a row also
        # takes one of the ``limit`` places.
        candidates = self.order_by("-publish_at", "-id")
        # Tag ids as values, not a subquery: PostgreSQL then knows how common
        # they are and walks the newest articles instead of every tagged one.
        shares_a_tag = Exists(
            _article_tags().filter(object_id=OuterRef("pk"), tag__in=tag_ids)
        )
        in_section = candidates.filter(section=section_id)
        # A list of querysets of ids, one per kind: union them for one query.
        return [
            self.model.objects.filter(pk__in=pool.values("pk")[: limit + 1]).values(
                "pk"
            )
            for pool in (in_section, candidates.filter(shares_a_tag))
        ]


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def published_months(self, at=None):
        """The months of the articles published now (or at ``at``), newest
        first, each with its articles' last change: ``[(month, last change),
        …]``, the month an aware datetime at midnight on its first day
        (settings' ``TIME_ZONE``).

        One query. On PostgreSQL its cost grows with the number of months, not
        of articles: it starts at the newest article (``article_pub_idx``),
        then steps down the ``article_month_idx`` index, one probe per month
        (``articles.db.loose_index_scan``), and its SQL is built once per
        process (``_months``). SQLite's planner would not probe that index
        month by month (it read every earlier article at each step): there
        one GROUP BY over the articles costs less.
        """
        at = at or timezone.now()
        if connections[self.db].vendor != "postgresql":
            published = self.published(at)
            return grouped_latest(published, key=PUBLICATION_MONTH, latest=LAST_CHANGE)
        return _months()(at, using=self.db)

    def live_page(self, slug):
        """The published article at ``slug`` shaped by ``for_page()``, or
        None. The article page's main query, so its SQL is compiled once
        (``articles.prepared``)."""
        found = _live_page()(now=timezone.now(), slug=slug)
        return found[0] if found else None

    def front_page(self, section_ids, *, featured, latest, per_section):
        """The home page's articles, each query compiled once
        (``articles.prepared``): the « Alerte info » of the banner (the newest
        breaking-news article published within ``breaking_news_window()``) or
        None, the ``featured`` latest featured ones (their hero images read),
        the ``latest`` others, and up to ``per_section`` more of each section
        in ``section_ids``, newest first, none shown twice."""
        now = timezone.now()
        queries = _front_page(featured, latest, per_section, len(section_ids))
        top = queries["featured"](now=now)
        prefetch_related_objects(top, "hero_image__renditions")
        shown = [article.pk for article in top]
        newest = queries["latest"](now=now, shown=shown)
        shown += [article.pk for article in newest]
        blocks = (
            queries["blocks"](now=now, shown=shown, sections=section_ids)
            if section_ids
            else []
        )
        breaking = queries["breaking"](now=now, since=now - breaking_news_window())
        return FrontPage(breaking[0] if breaking else None, top, newest, blocks)


def _article_tags():
    return TaggedItem.objects.filter(
        content_type__app_label="articles", content_type__model="article"
    )


@functools.cache
def _page_lists():
    """The article page's tag and correction lists as JSON subqueries; built
    once, since they depend on nothing but the outer row."""
    tagged_items = _article_tags()
    return {
        "byline": json_rows(
            ArticleAuthor.objects.filter(article=OuterRef("pk")),
            key="article",
            value=JSONObject(
                id="id",
                position="position",
                author_id="author_id",
                name="author__name",
                slug="author__slug",
                role="author__role",
            ),
        ),
        "link": json_rows(
            RelatedLink.objects.filter(article=OuterRef("pk")),
            key="article",
            value=JSONObject(
                id="id",
                target_id="target_id",
                url="url",
                title="title",
                position="position",
            ),
        ),
        "tag": json_rows(
            tagged_items.filter(object_id=OuterRef("pk")),
            key="object_id",
            value=JSONObject(id="tag_id", name="tag__name", slug="tag__slug"),
        ),
        "correction": json_rows(
            Correction.objects.filter(article=OuterRef("pk")),
            key="article",
            value=JSONObject(
                id="id", kind="kind", text="text", created_at="created_at"
            ),
        ),
    }


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        REVIEW = "review", "À relire"
        SCHEDULED = "scheduled", "Programmé"
        PUBLISHED = "published", "Publié"
        UNPUBLISHED = "unpublished", "Dépublié"

        @classmethod
        def visible(cls):
            return [cls.SCHEDULED, cls.PUBLISHED]

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
                condition=Q(status__in=["draft", "review", "unpublished"])
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

    def publication_problems(self):
        """What stops this article from going live, as French sentences.

        The workflow refuses to publish or schedule while this is not empty.
        """
        problems = []
        if not self.title.strip():
            problems.append("Le titre est vide.")
        if not self.section_id:
            problems.append("Aucune rubrique n’est choisie.")
        if not self.body.strip():
            problems.append("Le texte de l’article est vide.")
        problems.extend(image_publication_problems(self))
        return problems

    def read_also(self, *, tag_ids=(), limit=4):
        """« À lire aussi » as (links, suggestions), in one query.

        First the editor's links, in their order: external ones, and those to
        articles published now. Then, up to ``limit`` items in all, the latest
        published articles sharing a tag (``tag_ids``: its tags) or the
        section (``related_to``).
        """
        links = self.page_related_links()
        target_ids = {link.target_id for link in links if link.target_id}
        rows = {
            row[0]: row
            for row in _read_also(limit)(
                now=timezone.now(),
                article=self.pk,
                section=self.section_id,
                tags=tag_ids,
            )
        }
        shown = []
        for link in links:
            if link.target_id in rows:
                link.target = _read_also_card(rows[link.target_id])
            elif link.target_id:
                continue
            shown.append(link)
        newest_first = sorted(
            (row for pk, row in rows.items() if pk not in target_ids and pk != self.pk),
            key=lambda row: (row[_PUBLISH_AT], row[0]),
            reverse=True,
        )
        return shown, [
            _read_also_card(row) for row in newest_first[: max(0, limit - len(shown))]
        ]

    def page_images(self):
        """The hero image and the body's library images, with their
        renditions, in two queries whatever their number (id -> Image). Sets
        ``hero_image`` from them, so showing it costs nothing more."""
        ids = [*filter(None, [self.hero_image_id]), *image_ids(self.body)]
        if not ids:
            return {}
        images = Image.objects.with_renditions().in_bulk(ids)
        if self.hero_image_id in images:
            self.hero_image = images[self.hero_image_id]
        return images

    def page_bylines(self):
        """The bylines in signature order, each with its author (name, slug,
        role); read from ``for_page()``'s JSON list when present."""
        if not hasattr(self, "byline_rows"):
            return list(self.bylines.select_related("author"))
        # Built once from the row: a feed item asks twice (names, link).
        if "_page_bylines" not in self.__dict__:
            self._page_bylines = self._bylines_from_rows()
        return self._page_bylines

    def _bylines_from_rows(self):
        bylines = [
            ArticleAuthor(
                id=row["id"],
                article=self,
                position=row["position"],
                author=Author(
                    id=row["author_id"],
                    name=row["name"],
                    slug=row["slug"],
                    role=row["role"],
                ),
            )
            for row in self.byline_rows or ()
        ]
        return sorted(bylines, key=lambda byline: (byline.position, byline.id))

    def page_related_links(self):
        """The editor's « À lire aussi » links in their order (targets not
        loaded); read from ``for_page()``'s JSON list when present."""
        if not hasattr(self, "link_rows"):
            return list(self.related_links.all())
        links = [RelatedLink(article=self, **row) for row in self.link_rows or ()]
        return sorted(links, key=lambda link: (link.position, link.id))

    def page_tags(self):
        """The tags, by name; read from ``for_page()``'s JSON list when present."""
        if not hasattr(self, "tag_rows"):
            return list(self.tags.order_by("name"))
        tags = [Tag(**row) for row in self.tag_rows or ()]
        return sorted(tags, key=lambda tag: tag.name.lower())

    def page_corrections(self):
        """Corrections and updates, oldest first; read from ``for_page()``'s
        JSON list when present."""
        if not hasattr(self, "correction_rows"):
            return list(self.corrections.all())
        corrections = [
            Correction(
                article=self, **row | {"created_at": json_datetime(row["created_at"])}
            )
            for row in self.correction_rows or ()
        ]
        return sorted(corrections, key=lambda c: (c.created_at, c.id))

    @property
    def reading_time(self):
        return reading_minutes(self.word_count)

    @property
    def was_updated(self):
        return bool(
            self.updated_at and self.publish_at and self.updated_at > self.publish_at
        )


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

    @property
    def is_external(self):
        return not self.target_id


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


class ArticleRedirect(models.Model):
    """An old address of an article (previous slug, WordPress permalink) that
    answers 301 to wherever the article lives now."""

    old_path = models.CharField("ancienne adresse", max_length=500, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "redirection"
        verbose_name_plural = "redirections"
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.article}"


# The workflow's models (revisions, scheduled changes, audit log, preview
# links, presence, autosaves) live in their own module; importing it here
# registers them with the app and lets ``from articles.models import …`` work.
# The article page's queries, compiled once (see ``articles.prepared``).


def _first(queryset, field):
    """The smallest ``field`` of ``queryset``, as a subquery reading its index."""
    return models.Subquery(queryset.order_by(field).values(field)[:1])


@functools.cache
def _months():
    return LooseIndexScan(
        lambda at: Article.objects.published(at),
        key=PUBLICATION_MONTH,
        latest=LAST_CHANGE,
        start=["-publish_at", "-id"],
    )


@functools.cache
def _live_page():
    return PreparedQuery(
        lambda now, slug: Article.objects.published(now).for_page().filter(slug=slug),
        now=models.DateTimeField(),
        slug=models.SlugField(),
    )


class FrontPage(NamedTuple):
    breaking: "Article | None"
    featured: list
    latest: list
    by_section: list


@functools.cache
def _front_page(featured, latest, per_section, section_count):
    # The lists' lengths are fixed (Many pads them): one SQL shape each, and
    # one set of queries per number of sections.
    def live(now):
        return Article.objects.published(now).for_cards().order_by("-publish_at", "-id")

    def banner(now, since):
        return live(now).filter(is_breaking=True, publish_at__gt=since)[:1]

    date, ids = models.DateTimeField(), models.BigIntegerField()
    return {
        "featured": PreparedQuery(
            lambda now: live(now).filter(is_featured=True).with_hero_image()[:featured],
            now=date,
        ),
        "latest": PreparedQuery(
            lambda now, shown: live(now).exclude(pk__in=shown)[:latest],
            now=date,
            shown=Many(ids, size=featured, padding=0),
        ),
        "blocks": PreparedQuery(
            lambda now, shown, sections: (
                Article.objects.published(now)
                .exclude(pk__in=shown)
                .latest_by_section(sections, per_section=per_section)
                .for_cards()
                .order_by("-publish_at", "-id")
            ),
            now=date,
            shown=Many(ids, size=featured + latest, padding=0),
            sections=Many(ids, size=section_count, padding=0),
        ),
        "breaking": PreparedQuery(banner, now=date, since=date),
    }


@functools.cache
def _read_also(limit):
    def build(now, article, section, tags):
        # One IN over a UNION, not an OR of INs: PostgreSQL then reads the
        # few chosen rows by primary key instead of scanning the archive.
        live = Article.objects.published(now)
        linked = RelatedLink.objects.filter(article=article).values("target")
        pools = live.related_to(section, tags, limit=limit)
        # Rows, not model instances: of the dozen candidates, four are shown.
        return live.filter(pk__in=linked.union(*pools, all=True)).values_list(
            *READ_ALSO_FIELDS, "section__slug"
        )

    return PreparedQuery(
        build,
        now=models.DateTimeField(),
        article=models.BigIntegerField(),
        section=models.BigIntegerField(),
        # Tag ids start at 1: 0 matches nothing.
        tags=Many(models.BigIntegerField(), size=RELATED_TAGS, padding=0),
    )


# What an « À lire aussi » item needs of its article, in the order of the
# model's fields (as ``from_db`` takes them), then its section's slug.
READ_ALSO_FIELDS = ("id", "title", "slug", "section_id", "publish_at")
_PUBLISH_AT = READ_ALSO_FIELDS.index("publish_at")


def _read_also_card(row):
    """An « À lire aussi » item from a row of ``_read_also``: what its title
    and link need, built as the ORM builds rows (the other fields are
    deferred, never read)."""
    *values, section_slug = row
    article = Article.from_db(None, READ_ALSO_FIELDS, values)
    article.section = Section.from_db(
        None, ["id", "slug"], (article.section_id, section_slug)
    )
    return article


from articles.workflow_models import *  # noqa: E402, F403
