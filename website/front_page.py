"""The home page's articles, in four queries compiled once per process
(``website.compiled``): the « Alerte info » banner, the featured articles,
the latest others, and the latest of each section."""

import functools
import json
from dataclasses import dataclass

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone

from articles.models import Article, breaking_news_window
from website.compiled import CompiledQuery, Many, attach_section, with_section


@dataclass
class FrontPage:
    breaking: Article | None
    featured: list
    latest: list
    by_section: list


def _newest(now):
    """Cards of live articles, newest first: no body, the section's name and
    slug as columns, a due scheduled version in the row."""
    return with_section(
        Article.objects.published(now)
        .defer("body")
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
                .defer("body")
                .with_due_versions(now)
                .order_by("-publish_at", "-id")
            ),
            now=date,
            shown=Many(ids, size=featured + latest, padding=0),
            sections=Many(ids, size=section_count, padding=0),
        ),
        "breaking": CompiledQuery(
            lambda now, since: _newest(now).filter(
                is_breaking=True, publish_at__gt=since
            )[:1],
            now=date,
            since=date,
        ),
    }


def _card(article, sections):
    if isinstance(article.due_version, str):
        article.due_version = json.loads(article.due_version)
    return attach_section(article, sections).show_due_version()


def front_page(section_ids, *, featured, latest, per_section, now=None) -> FrontPage:
    """The banner's « Alerte info » (the newest breaking-news article
    published within ``breaking_news_window()``) or None, the ``featured``
    latest featured articles (with their hero images), the ``latest``
    others, and up to ``per_section`` more of each section in
    ``section_ids``, newest first, none shown twice."""
    now = now or timezone.now()
    queries = _queries(featured, latest, per_section, len(section_ids))
    sections = {}
    top = [_card(article, sections) for article in queries["featured"](now=now)]
    prefetch_related_objects(top, "hero_image__renditions")
    shown = [article.pk for article in top]
    others = [_card(a, sections) for a in queries["latest"](now=now, shown=shown)]
    shown += [article.pk for article in others]
    blocks = (
        [
            _card(article, sections)
            for article in queries["blocks"](now=now, shown=shown, sections=section_ids)
        ]
        if section_ids
        else []
    )
    breaking = queries["breaking"](now=now, since=now - breaking_news_window())
    return FrontPage(
        breaking=_card(breaking[0], sections) if breaking else None,
        featured=top,
        latest=others,
        by_section=blocks,
    )
