"""The home page's articles, in six queries compiled once per process
(``website.compiled``): the « Alerte info » banner, the featured articles
(then their hero images and renditions), the latest others, and the latest
of each section."""

import functools
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from articles.models import Article, breaking_news_window
from images.models import RENDITION_LIST, Image, Rendition
from website.cards import CARD_FIELDS, card
from website.compiled import CompiledQuery, Many, with_section
from website.live import mark_running_lives


@dataclass
class FrontPage:
    breaking: Article | None
    featured: list
    latest: list
    by_section: list


def _newest(now):
    """Cards of live articles, newest first: what a card shows, the
    section's name and slug as columns, a due scheduled version in the row."""
    return with_section(
        Article.objects.published(now)
        .only(*CARD_FIELDS)
        .with_due_versions(now)
        .order_by("-publish_at", "-id")
    )


@functools.cache
def _queries(featured, latest, per_section, section_count):
    # The lists' lengths are fixed (Many pads them): one SQL shape each, and
    # one set of queries per number of sections.
    date, ids = models.DateTimeField(), models.BigIntegerField()
    return {
        "featured": CompiledQuery(
            lambda now: _newest(now).filter(is_featured=True)[:featured], now=date
        ),
        "latest": CompiledQuery(
            lambda now, shown: _newest(now).exclude(pk__in=shown)[:latest],
            now=date,
            shown=Many(ids, size=featured, padding=0),
        ),
        "blocks": CompiledQuery(
            lambda now, shown, sections: with_section(
                Article.objects.published(now)
                .exclude(pk__in=shown)
                .latest_by_section(sections, per_section=per_section)
                .only(*CARD_FIELDS)
                .with_due_versions(now)
                .order_by("-publish_at", "-id")
            ),
            # One branch per section: planning it took three times as long
            # as running it (docs/design/generic-plans.md).
            generic_plan=True,
            now=date,
            shown=Many(ids, size=featured + latest, padding=0),
            sections=Many(ids, size=section_count, padding=0),
        ),
        # The featured articles' hero images, and their renditions.
        "heroes": CompiledQuery(
            lambda ids: Image.objects.filter(pk__in=ids),
            ids=Many(ids, size=featured, padding=0),
        ),
        "renditions": CompiledQuery(
            lambda ids: Rendition.objects.filter(image__in=ids),
            ids=Many(ids, size=featured, padding=0),
        ),
        "breaking": CompiledQuery(
            lambda now, since: _newest(now).filter(
                is_breaking=True, publish_at__gt=since
            )[:1],
            now=date,
            since=date,
        ),
    }


def _attach_heroes(queries, articles):
    """Each article's ``hero_image`` with its ``rendition_list``, in two
    queries for all of them."""
    ids = list(dict.fromkeys(a.hero_image_id for a in articles if a.hero_image_id))
    if not ids:
        return
    images = {image.pk: image for image in queries["heroes"](ids=ids)}
    for image in images.values():
        setattr(image, RENDITION_LIST, [])
    for rendition in queries["renditions"](ids=ids):
        getattr(images[rendition.image_id], RENDITION_LIST).append(rendition)
    for article in articles:
        if article.hero_image_id in images:
            article.hero_image = images[article.hero_image_id]


def front_page(section_ids, *, featured, latest, per_section, now=None) -> FrontPage:
    """The banner's « Alerte info » (the newest breaking-news article
    published within ``breaking_news_window()``) or None, the ``featured``
    latest featured articles (with their hero images), the ``latest``
    others, and up to ``per_section`` more of each section in
    ``section_ids``, newest first, none shown twice."""
    now = now or timezone.now()
    queries = _queries(featured, latest, per_section, len(section_ids))
    sections = {}
    top = [card(article, sections) for article in queries["featured"](now=now)]
    _attach_heroes(queries, top)
    shown = [article.pk for article in top]
    others = [card(a, sections) for a in queries["latest"](now=now, shown=shown)]
    shown += [article.pk for article in others]
    blocks = (
        [
            card(article, sections)
            for article in queries["blocks"](now=now, shown=shown, sections=section_ids)
        ]
        if section_ids
        else []
    )
    breaking = queries["breaking"](now=now, since=now - breaking_news_window())
    mark_running_lives([*top, *others, *blocks])
    return FrontPage(
        breaking=card(breaking[0], sections) if breaking else None,
        featured=top,
        latest=others,
        by_section=blocks,
    )
