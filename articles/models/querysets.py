"""What readers may see, and the queries every reader surface shares.

``ArticleQuerySet.published()`` is the one definition of visibility. The
other methods shape rows for lists and pages, so that a page costs the same
few queries however large the archive.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, JSONField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import TaggedItem

from images.models import renditions_prefetch

# The calendar month of an article's publication in the newsroom's time zone
# (an article at 23:30 UTC on 31 October is November's in Paris), and its
# last change, publication or update: what the sitemap of each month is made
# of and dated by. Expressions, so that an index and its queries share them.
PUBLICATION_MONTH = TruncMonth("publish_at", tzinfo=ZoneInfo(settings.TIME_ZONE))
LAST_CHANGE = Greatest("publish_at", Coalesce("updated_at", "publish_at"))


def breaking_news_window() -> dt.timedelta:
    """How long an « Alerte info » stays in the home page's banner after its
    publication (``BREAKING_NEWS_HOURS``)."""
    return dt.timedelta(hours=settings.BREAKING_NEWS_HOURS)


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
            status__in=self.model.Status.visible(),
            publish_at__lte=now,
        )

    def next_visibility_change(self, after=None):
        """The next instant at which ``published()`` will change, or None.

        Caches of reader pages must not outlive it: that is what makes a
        scheduled article appear (or an expiring one vanish) on time. The end
        of an « Alerte info » banner counts too (``breaking_news_window()``).

        One query of five ordered probes (the next article to go live, to go
        offline, to be replaced by a scheduled version, to leave the banner,
        the next scheduled entry of a live coverage page),
        each the first entry of an index past ``after``, whatever the size of
        the archive.
        """
        # The workflow's model, reached through the relation (the model
        # module imports this one).
        ScheduledChange = self.model._meta.get_field("scheduled_changes").related_model
        now = after or timezone.now()
        live = self.filter(status__in=self.model.Status.visible())
        pending = ScheduledChange.objects.filter(
            state=ScheduledChange.State.PENDING, apply_at__gt=now, article__in=live
        )
        window = breaking_news_window()
        in_banner = live.filter(is_breaking=True, publish_at__gt=now - window)
        # Entries of live coverage pages (the live app, reached through the
        # relation too): a live's page changes when a scheduled one appears.
        LiveEntry = self.model._meta.get_field("live_entries").related_model
        entries = LiveEntry.objects.filter(
            deleted_at__isnull=True, publish_at__gt=now, article__in=live
        )
        probes = [
            _first(live.filter(publish_at__gt=now), "publish_at"),
            _first(live.filter(unpublish_at__gt=now), "unpublish_at"),
            _first(pending, "apply_at"),
            _first(entries, "publish_at"),
            _first(in_banner, "publish_at"),
        ]
        # The probes are scalar subqueries: any one row of the table carries
        # them (no row at all: no article, so nothing to change).
        row = next(iter(self.model.objects.order_by().values_list(*probes)[:1]), None)
        if row is None:
            return None
        *changes, banner_since = row
        if banner_since:
            changes.append(banner_since + window)
        return min(filter(None, changes), default=None)

    def with_hero_image(self):
        """The hero image and its renditions in two queries for the whole list."""
        return self.select_related("hero_image").prefetch_related(
            renditions_prefetch("hero_image__renditions")
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

    def with_due_versions(self, at=None):
        """Each row with ``due_version``: the content of the newest scheduled
        new version whose time has come (``apply_at`` reached) but that the
        worker has not written into the row yet, or None.

        Readers see a scheduled version from its exact second this way, without
        any request writing to the database (``Article.show_due_version()``).
        """
        now = at or timezone.now()
        ScheduledChange = self.model._meta.get_field("scheduled_changes").related_model
        due = ScheduledChange.objects.filter(
            article=OuterRef("pk"),
            state=ScheduledChange.State.PENDING,
            apply_at__lte=now,
        ).order_by("-apply_at", "-id")
        return self.annotate(
            due_version=Subquery(due.values("content")[:1], output_field=JSONField())
        )

    def published_months(self, at=None):
        """The months of the articles published now (or at ``at``), newest
        first, each with its articles' last change: ``[(month, last change),
        …]``, the month an aware datetime at midnight on its first day
        (settings' ``TIME_ZONE``). One GROUP BY over ``article_month_idx``."""
        return list(
            self.published(at)
            .order_by()
            .annotate(month=PUBLICATION_MONTH, last_change=LAST_CHANGE)
            .values("month")
            .annotate(latest=Max("last_change"))
            .order_by("-month")
            .values_list("month", "latest")
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
        the reader site's « À lire aussi » drops both.

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
    pass


def _first(queryset, field):
    """The smallest ``field`` of ``queryset``, as a subquery reading its index."""
    return Subquery(queryset.order_by(field).values(field)[:1])


def _article_tags():
    return TaggedItem.objects.filter(
        content_type__app_label="articles", content_type__model="article"
    )
