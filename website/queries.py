"""What each reader page reads, in as few queries as the archive allows.

The rules of what readers may see live on ``ArticleQuerySet`` (``published()``
first of all); here they are combined for one page at a time:

- the article page: the article with its bylines, tags, corrections and
  « À lire aussi » links as JSON lists in the same row (one query where
  prefetching takes five), then its suggestions (one query);
- the home page: the banner, the featured and latest articles, then the
  latest of each section (four queries);
- the feeds: the items with their bylines and tags in the row.

See docs/design/reader-queries.md for what each choice buys.
"""

import datetime as dt
import functools
from dataclasses import dataclass

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
    Section,
    breaking_news_window,
)
from images.body import image_ids
from images.models import Image


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


def live_article(slug: str, *, now=None) -> Article | None:
    """The published article at ``slug`` with its lists, showing its
    scheduled new version if that version's time has come; None if there is
    none. A due version that changes the slug is found at its new slug."""
    now = now or timezone.now()
    live = with_lists(
        Article.objects.published(now).select_related("section"), *ALL_LISTS
    ).with_due_versions(now)
    article = live.filter(slug=slug).first()
    if article is None:
        article = live.filter(
            scheduled_changes__state="pending",
            scheduled_changes__apply_at__lte=now,
            scheduled_changes__content__slug=slug,
        ).first()
        if article is None or (article.due_version or {}).get("slug") != slug:
            return None
    return article.show_due_version()


def cards(queryset, *, now=None):
    """Rows for lists of articles (``for_cards()``), each showing its due
    scheduled version."""
    return queryset.for_cards().with_due_versions(now)


@dataclass
class FrontPage:
    breaking: Article | None
    featured: list
    latest: list
    by_section: list


def front_page(section_ids, *, featured, latest, per_section, now=None) -> FrontPage:
    """The home page's articles: the « Alerte info » of the banner (the
    newest breaking-news article published within ``breaking_news_window()``)
    or None, the ``featured`` latest featured ones (with their hero images),
    the ``latest`` others, and up to ``per_section`` more of each section in
    ``section_ids``, newest first, none shown twice."""
    now = now or timezone.now()
    live = Article.objects.published(now)
    newest = cards(live.order_by("-publish_at", "-id"), now=now)
    top = list(newest.filter(is_featured=True).with_hero_image()[:featured])
    shown = [article.pk for article in top]
    others = list(newest.exclude(pk__in=shown)[:latest])
    shown += [article.pk for article in others]
    blocks = (
        list(
            cards(
                live.exclude(pk__in=shown).latest_by_section(
                    section_ids, per_section=per_section
                ),
                now=now,
            ).order_by("-publish_at", "-id")
        )
        if section_ids
        else []
    )
    breaking = newest.filter(
        is_breaking=True, publish_at__gt=now - breaking_news_window()
    ).first()
    return FrontPage(
        breaking=breaking and breaking.show_due_version(),
        featured=[article.show_due_version() for article in top],
        latest=[article.show_due_version() for article in others],
        by_section=[article.show_due_version() for article in blocks],
    )


# What an « À lire aussi » item needs of its article.
READ_ALSO_FIELDS = ("id", "title", "slug", "section_id", "publish_at", "section__slug")


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
    live = Article.objects.published(now)
    pools = live.related_to(article.section_id, list(tag_ids), limit=limit)
    # One IN over a UNION, not an OR of INs: PostgreSQL then reads the few
    # chosen rows by primary key instead of scanning the archive.
    candidates = live.filter(
        pk__in=RelatedLink.objects.filter(article=article.pk)
        .values("target")
        .union(*pools, all=True)
    ).values(*READ_ALSO_FIELDS)
    rows = {row["id"]: row for row in candidates}
    shown = []
    for link in links:
        if link.target_id in rows:
            link.target = _card(rows[link.target_id])
        elif link.target_id:
            continue
        shown.append(link)
    newest_first = sorted(
        (row for pk, row in rows.items() if pk not in target_ids and pk != article.pk),
        key=lambda row: (row["publish_at"], row["id"]),
        reverse=True,
    )
    return shown, [_card(row) for row in newest_first[: max(0, limit - len(shown))]]


def _card(row) -> Article:
    """An « À lire aussi » item from a row: what its title and link need,
    built as the ORM builds rows (``Model.from_db``; the other fields are
    deferred, never read)."""
    fields = READ_ALSO_FIELDS[:-1]
    article = Article.from_db(None, fields, [row[name] for name in fields])
    article.section = Section.from_db(
        None, ["id", "slug"], [row["section_id"], row["section__slug"]]
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
