"""Articles, rubriques, authors and tags as the API shows them.

The rows come from the reader site's own queries (``website.queries``,
``website.cards``), and the site's rules decide what is shown: a due scheduled
version replaces the live one, « À lire aussi » drops what is not published,
an image whose licence has expired is left out. Each function returns plain
dicts that the schemas (``api.schemas``) describe.
"""

import functools

from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from core.formats import site_time
from core.links import cached_reverse
from images.body import render_body
from images.models import Image
from images.pictures import is_showable
from images.renditions import (
    absolute_url,
    existing_renditions,
    rendition_url,
    size_for,
    specs_for,
)
from website import queries
from website.compiled import CompiledQuery, attach_section, json_value, with_section
from website.seo import absolute

# What a list item carries besides the article row.
CARD_LISTS = ("byline_rows", "tag_rows")
# « À lire aussi »: as many items as the article page shows.
READ_ALSO_COUNT = 4


def _date(value):
    return site_time(value) if value else None


def section_data(section):
    return {
        "id": section.pk,
        "name": section.name,
        "slug": section.slug,
        "url": absolute(section.get_absolute_url()),
    }


def author_ref(author):
    return {
        "id": author.pk,
        "name": author.name,
        "slug": author.slug,
        "role": author.role,
        "url": absolute(author.get_absolute_url()),
    }


def author_data(author):
    return author_ref(author) | {
        "bio": author.bio,
        "photo": absolute_url(author.photo.url) if author.photo else None,
    }


def tag_data(tag):
    return {
        "id": tag.pk,
        "name": tag.name,
        "slug": tag.slug,
        "url": absolute(cached_reverse("website:tag", tag.slug)),
    }


def image_data(image, *, caption=""):
    """The hero image with every rendition that can exist (the URL of one
    not made yet makes it on first use), or None when nothing may be shown
    (no image, or its licence has expired)."""
    if not is_showable(image):
        return None
    existing = existing_renditions(image)
    renditions = []
    for spec in specs_for(image):
        width, height = size_for(image, spec)
        renditions.append(
            {
                "name": spec.name,
                "url": absolute_url(rendition_url(image, spec, existing)),
                "width": width,
                "height": height,
                "type": spec.format.mime,
            }
        )
    return {
        "id": image.pk,
        "alt": image.alt,
        "caption": caption or image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
    }


def card_data(article):
    """What a list shows of an article: no body, no corrections."""
    parts = queries.Parts.of(article)
    return {
        "id": article.pk,
        "url": absolute(article.get_absolute_url()),
        "short_url": absolute(cached_reverse("website:short", article.pk)),
        "api_url": absolute(cached_reverse("api:article", article_id=article.pk)),
        "title": article.title,
        "standfirst": article.standfirst,
        "rubrique": section_data(article.section),
        "bylines": [author_ref(byline.author) for byline in parts.bylines],
        "tags": [tag_data(tag) for tag in parts.tags],
        "published_at": _date(article.publish_at),
        "first_published_at": _date(article.first_published_at or article.publish_at),
        "updated_at": _date(article.updated_at if article.was_updated else None),
        "is_breaking": article.is_breaking,
        "is_featured": article.is_featured,
        "format": article.format,
        "live_api_url": absolute(cached_reverse("api:live", live_id=article.pk))
        if article.format == Article.Format.LIVE
        else None,
        "hero_image": image_data(article.hero_image, caption=article.hero_caption)
        if article.hero_image_id
        else None,
    }


def article_data(article):
    """An article in full, as its page shows it."""
    parts = queries.Parts.of(article)
    images = queries.page_images(article)
    links, suggestions = queries.read_also(
        article, tag_ids=[tag.pk for tag in parts.tags], limit=READ_ALSO_COUNT
    )
    read_also = [
        {
            "title": link.display_title,
            "url": absolute(link.target.get_absolute_url())
            if link.target_id
            else link.url,
            "article_id": link.target_id,
        }
        for link in links
    ] + [
        {
            "title": suggestion.title,
            "url": absolute(suggestion.get_absolute_url()),
            "article_id": suggestion.pk,
        }
        for suggestion in suggestions
    ]
    return card_data(article) | {
        "body_html": str(render_body(article.body, images=images)),
        "sources": article.sources,
        "word_count": article.word_count,
        "reading_minutes": article.reading_time,
        "corrections": [
            {
                "kind": correction.kind,
                "label": str(correction),
                "text": correction.text,
                "date": _date(correction.created_at),
            }
            for correction in parts.corrections
        ],
        "read_also": read_also,
    }


@functools.cache
def _live_by_id():
    # Compiled once (website.compiled): building and compiling this query
    # took most of a request's time, as it did for the article page.
    return CompiledQuery(
        lambda now, pk: (
            queries.with_lists(
                with_section(Article.objects.published(now)), *queries.ALL_LISTS
            )
            .with_due_versions(now)
            .filter(pk=pk)[:1]
        ),
        now=models.DateTimeField(),
        pk=models.BigIntegerField(),
    )


# The filters a list may combine, each with the field its value goes in.
LIST_FILTERS = {
    "section": models.BigIntegerField(),
    "author": models.BigIntegerField(),
    "tag": models.BigIntegerField(),
    "since": models.DateTimeField(),
    "after_at": models.DateTimeField(),
    "after_pk": models.BigIntegerField(),
}


@functools.lru_cache(maxsize=256)
def _list_query(names: tuple, limit: int):
    """The compiled query of a list page filtered by ``names`` (a sorted
    tuple of LIST_FILTERS keys), ``limit`` + 1 rows, newest first."""

    def build(now, section=None, author=None, tag=None, since=None, **after):
        articles = Article.objects.published(now)
        if "section" in names:
            articles = articles.filter(section=section)
        if "author" in names:
            articles = articles.filter(authors=author)
        if "tag" in names:
            articles = articles.tagged(tag)
        if "since" in names:
            articles = articles.filter(
                Q(modified_at__gte=since) | Q(publish_at__gte=since)
            )
        if "after_at" in names:
            # Keyset: the rows after the cursor's (publish_at, id), read from
            # the (publish_at, id) index from where the last page stopped.
            at, pk = after["after_at"], after["after_pk"]
            articles = articles.filter(publish_at__lte=at).filter(
                Q(publish_at__lt=at) | Q(pk__lt=pk)
            )
        return (
            queries.with_lists(with_section(articles), *CARD_LISTS)
            .with_due_versions(now)
            .defer("body")
            .order_by("-publish_at", "-id")[: limit + 1]
        )

    return CompiledQuery(
        build,
        now=models.DateTimeField(),
        **{name: LIST_FILTERS[name] for name in names},
    )


def list_cards(*, limit: int, now=None, **filters) -> list:
    """Up to ``limit`` + 1 live articles as list rows (bylines, tags, the
    section, the hero image with its renditions, a due version shown), in
    one query plus two for the hero images. ``filters``: LIST_FILTERS."""
    now = now or timezone.now()
    names = tuple(sorted(name for name, value in filters.items() if value is not None))
    rows = _list_query(names, limit)(now=now, **{n: filters[n] for n in names})
    return with_hero_images(rows)


def with_hero_images(articles):
    """``articles`` with their section shared, lists decoded, due version
    shown and hero image read (two queries for all of them)."""
    sections = {}
    for article in articles:
        for name in ("due_version", *CARD_LISTS):
            setattr(article, name, json_value(getattr(article, name, None)))
        if hasattr(article, "section_name"):
            attach_section(article, sections)
        article.show_due_version()
    ids = {article.hero_image_id for article in articles if article.hero_image_id}
    images = Image.objects.with_renditions().in_bulk(ids) if ids else {}
    for article in articles:
        if article.hero_image_id in images:
            article.hero_image = images[article.hero_image_id]
    return articles


def live_article(article_id: int, *, now=None) -> Article | None:
    """The published article ``article_id`` with its lists, showing its
    scheduled new version if its time has come (as the article page does);
    None if readers may not see it."""
    now = now or timezone.now()
    found = _live_by_id()(now=now, pk=article_id)
    if not found:
        return None
    article = attach_section(found[0])
    for name in ("due_version", *queries.ALL_LISTS):
        setattr(article, name, json_value(getattr(article, name)))
    return article.show_due_version()
