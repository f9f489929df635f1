"""What each reader page reads, in as few queries as the archive allows.

The rules of what readers may see live on ``ArticleQuerySet`` (``published()``
first of all); here they are combined for one page at a time, and the
article page's queries are compiled once (``website.compiled``):

- the article page: the article with its bylines, tags, corrections and
  « À lire aussi » links as JSON lists in the same row (one query where
  prefetching takes five), then its suggestions (one query);
- the feeds: the items with their bylines and tags in the row.

See docs/design/ for what each choice buys. The home page's queries are in
``website.front_page``.
"""

import datetime as dt
import functools
from dataclasses import dataclass

from django.db import models
from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from taggit.models import Tag, TaggedItem

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    RelatedLink,
)
from images.body import image_ids
from images.models import Image
from website.compiled import (
    CompiledQuery,
    Many,
    attach_section,
    json_value,
    known_section,
    with_section,
)


class JSONArrayAgg(Aggregate):
    """Rows aggregated into a JSON array: ``json_group_array`` on SQLite,
    ``jsonb_agg`` on PostgreSQL."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function="JSONB_AGG", **extra_context
        )


def json_rows(queryset, *, key, value):
    """A correlated subquery giving the rows of ``queryset`` as one JSON list
    (None when there are none): ``key`` is the column they share with the
    outer row, ``value`` a ``JSONObject`` describing each row."""
    return Subquery(
        queryset.order_by()
        .values(key)
        .annotate(rows=JSONArrayAgg(value))
        .values("rows"),
        output_field=JSONField(),
    )


@functools.cache
def _lists():
    tagged_items = TaggedItem.objects.filter(
        content_type__app_label="articles", content_type__model="article"
    )
    return {
        "byline_rows": json_rows(
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
        "tag_rows": json_rows(
            tagged_items.filter(object_id=OuterRef("pk")),
            key="object_id",
            value=JSONObject(id="tag_id", name="tag__name", slug="tag__slug"),
        ),
        "correction_rows": json_rows(
            Correction.objects.filter(article=OuterRef("pk")),
            key="article",
            value=JSONObject(
                id="id", kind="kind", text="text", created_at="created_at"
            ),
        ),
        "link_rows": json_rows(
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
    }


def with_lists(queryset, *names):
    """``queryset`` with the JSON lists ``names`` (``byline_rows``,
    ``tag_rows``, ``correction_rows``, ``link_rows``) read in each row."""
    lists = _lists()
    return queryset.annotate(**{name: lists[name] for name in names})


def _datetime(value: str) -> dt.datetime:
    """A datetime read back from JSON (ISO text; naive means UTC, as SQLite
    stores it)."""
    parsed = parse_datetime(value)
    return timezone.make_aware(parsed, dt.UTC) if timezone.is_naive(parsed) else parsed


@dataclass
class Parts:
    """An article's bylines (in signature order), tags (by name),
    corrections (oldest first) and « À lire aussi » links (in their order,
    targets not loaded), from the lists ``with_lists()`` read."""

    bylines: list
    tags: list
    corrections: list
    links: list

    @classmethod
    def of(cls, article: Article) -> "Parts":
        """Built once per article from its row: a feed asks several times."""
        if "parts" not in article.__dict__:
            article.parts = cls(
                bylines=sorted(
                    (
                        ArticleAuthor(
                            id=row["id"],
                            article=article,
                            position=row["position"],
                            author=Author(
                                id=row["author_id"],
                                name=row["name"],
                                slug=row["slug"],
                                role=row["role"],
                            ),
                        )
                        for row in getattr(article, "byline_rows", None) or ()
                    ),
                    key=lambda byline: (byline.position, byline.id),
                ),
                tags=sorted(
                    (Tag(**row) for row in getattr(article, "tag_rows", None) or ()),
                    key=lambda tag: tag.name.lower(),
                ),
                corrections=sorted(
                    (
                        Correction(
                            article=article,
                            **row | {"created_at": _datetime(row["created_at"])},
                        )
                        for row in getattr(article, "correction_rows", None) or ()
                    ),
                    key=lambda correction: (correction.created_at, correction.id),
                ),
                links=sorted(
                    (
                        RelatedLink(article=article, **row)
                        for row in getattr(article, "link_rows", None) or ()
                    ),
                    key=lambda link: (link.position, link.id),
                ),
            )
        return article.parts


ALL_LISTS = ("byline_rows", "tag_rows", "correction_rows", "link_rows")


def _decoded(article):
    for name in ("due_version", *ALL_LISTS):
        setattr(article, name, json_value(getattr(article, name)))
    return article


# Columns of the article's row that no reader page shows: the trash's, the
# importers' keys and the row's own bookkeeping. Left unread, each spares
# the page a value to fetch and convert (docs/design/article-page.md).
UNREAD_FIELDS = (
    "trashed_at",
    "trashed_by",
    "trash_reason",
    "external_id",
    "external_guid",
    "created_by",
    "created_at",
    "modified_at",
)


@functools.cache
def _live_by_slug():
    return CompiledQuery(
        lambda now, slug: (
            with_lists(with_section(Article.objects.published(now)), *ALL_LISTS)
            .with_due_versions(now)
            .defer(*UNREAD_FIELDS)
            .filter(slug=slug)[:1]
        ),
        now=models.DateTimeField(),
        slug=models.SlugField(),
    )


def live_article(slug: str, *, now=None) -> Article | None:
    """The published article at ``slug`` with its lists, showing its
    scheduled new version if that version's time has come; None if there is
    none. A due version that changes the slug is found at its new slug."""
    now = now or timezone.now()
    found = _live_by_slug()(now=now, slug=slug)
    if found:
        article = attach_section(_decoded(found[0]))
    else:
        # Only on a miss: the new address of a due version the worker has
        # not written yet.
        article = (
            with_lists(Article.objects.published(now), *ALL_LISTS)
            .with_due_versions(now)
            .select_related("section")
            .filter(
                scheduled_changes__state="pending",
                scheduled_changes__apply_at__lte=now,
                scheduled_changes__content__slug=slug,
            )
            .first()
        )
        if article is None or (article.due_version or {}).get("slug") != slug:
            return None
    return article.show_due_version()


# What an « À lire aussi » item needs of its article.
READ_ALSO_FIELDS = ("id", "title", "slug", "section_id", "publish_at")
# « À lire aussi » suggestions look at this many of an article's tags.
RELATED_TAGS = 10


@functools.cache
def _read_also(limit):
    def build(now, article, section, tags):
        # One IN over a UNION, not an OR of INs: PostgreSQL then reads the
        # few chosen rows by primary key instead of scanning the archive.
        live = Article.objects.published(now)
        linked = RelatedLink.objects.filter(article=article).values("target")
        pools = live.related_to(section, tags, limit=limit)
        return live.filter(pk__in=linked.union(*pools, all=True)).values_list(
            *READ_ALSO_FIELDS, "section__name", "section__slug"
        )

    ids = models.BigIntegerField()
    return CompiledQuery(
        build,
        now=models.DateTimeField(),
        article=ids,
        section=ids,
        # Tag ids start at 1: 0 matches nothing.
        tags=Many(ids, size=RELATED_TAGS, padding=0),
    )


def read_also(article: Article, *, tag_ids=(), limit=4, now=None):
    """« À lire aussi » of ``article`` as (links, suggestions), in one query.

    First the editor's links (``Parts.links``), in their order: external
    ones, and those to articles published now. Then, up to ``limit`` items
    in all, the latest published articles sharing a tag (``tag_ids``) or the
    section (``ArticleQuerySet.related_to``).
    """
    now = now or timezone.now()
    links = Parts.of(article).links
    target_ids = {link.target_id for link in links if link.target_id}
    # Rows, not instances: of the dozen candidates, four are shown.
    rows = {
        row[0]: row
        for row in _read_also(limit).rows(
            now=now, article=article.pk, section=article.section_id, tags=tag_ids
        )
    }
    sections = {}
    shown = []
    for link in links:
        if link.target_id in rows:
            link.target = _card(rows[link.target_id], sections)
        elif link.target_id:
            continue
        shown.append(link)
    newest_first = sorted(
        (row for pk, row in rows.items() if pk not in target_ids and pk != article.pk),
        key=lambda row: (row[_PUBLISH_AT], row[0]),
        reverse=True,
    )
    return shown, [
        _card(row, sections) for row in newest_first[: max(0, limit - len(shown))]
    ]


_PUBLISH_AT = READ_ALSO_FIELDS.index("publish_at")


def _card(row, sections):
    """An « À lire aussi » item from a row: what its title and link need,
    built as the ORM builds rows (``Model.from_db``; the other fields are
    deferred, never read)."""
    *values, section_name, section_slug = row
    article = Article.from_db(None, READ_ALSO_FIELDS, values)
    article.section = known_section(
        sections, article.section_id, section_name, section_slug
    )
    return article


def page_images(article: Article) -> dict:
    """The hero image and the body's library images, with their renditions,
    in two queries whatever their number (id -> Image). Sets the article's
    ``hero_image`` from them, so showing it costs nothing more."""
    ids = [*filter(None, [article.hero_image_id]), *image_ids(article.body)]
    if not ids:
        return {}
    images = Image.objects.with_renditions().in_bulk(ids)
    if article.hero_image_id in images:
        article.hero_image = images[article.hero_image_id]
    return images
