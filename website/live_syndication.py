"""What a live page gives machines: its ``LiveBlogPosting`` structured data
and the RSS feed of its entries (the page itself: ``website/live.py``)."""

import html

import nh3
from django.conf import settings
from django.contrib.syndication.views import Feed

from core.formats import iso_datetime
from core.links import cached_reverse
from live.models import LiveCoverage, LiveEntry
from website import seo
from website.live import (
    FEED_ITEMS,
    HEADLINE_LENGTH,
    JSON_LD_UPDATES,
    LivePage,
    live_at,
)
from website.live_cache import FEED_SUFFIX, PAGE_CACHE_SCOPE, limit_edge_lifetime


def live_blog_posting(article, page: LivePage, *, authors, tags):
    """``LiveBlogPosting`` of a live page: the article's ``NewsArticle``
    data, the coverage's start and (once it is over) end, and the latest
    ``JSON_LD_UPDATES`` entries shown as ``liveBlogUpdate`` items."""
    data = seo.news_article(article, authors=authors, tags=tags, corrections=[])
    # The latest updates: what engines show of a live (the page keeps the rest).
    updates = sorted(
        [*page.pinned, *page.entries],
        key=lambda entry: (entry.publish_at, entry.pk),
        reverse=True,
    )[:JSON_LD_UPDATES]
    data |= {
        "@type": "LiveBlogPosting",
        "coverageStartTime": iso_datetime(article.publish_at),
        "liveBlogUpdate": [_blog_posting(article, entry) for entry in updates],
    }
    if page.coverage.closed_at:
        data["coverageEndTime"] = iso_datetime(page.coverage.closed_at)
    if updates:
        newest = max(entry.edited_at or entry.publish_at for entry in updates)
        data["dateModified"] = iso_datetime(max(newest, article.publish_at))
    return data


def entry_text(entry) -> str:
    """An entry's words without markup (its text is sanitised HTML: nh3,
    which cleaned it, also takes every tag out)."""
    # A space before each closing tag keeps paragraphs and items apart.
    return html.unescape(nh3.clean(entry.body.replace("</", " </"), tags=set()))


def entry_headline(entry) -> str:
    """The entry's title, else the start of its text (110 characters, the
    length search engines show)."""
    if entry.title:
        return entry.title[:HEADLINE_LENGTH]
    text = " ".join(entry_text(entry).split())
    if len(text) > HEADLINE_LENGTH:
        text = text[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text or "Photo"


def _blog_posting(article, entry):
    data = {
        "@type": "BlogPosting",
        "headline": entry_headline(entry),
        "url": seo.absolute(f"{article.get_absolute_url()}#entree-{entry.pk}"),
        "datePublished": iso_datetime(entry.publish_at),
        "author": {"@type": "Person", "name": entry.author_name}
        if entry.author_name
        else {"@type": "Organization", "name": settings.SITE_NAME},
    }
    if entry.edited_at:
        data["dateModified"] = iso_datetime(entry.edited_at)
    return data


class LiveEntriesFeed(Feed):
    """RSS of a live's latest entries, newest first."""

    page_cache_scope = PAGE_CACHE_SCOPE

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        running = LiveCoverage.objects.filter(
            article__slug=kwargs["slug"], closed_at__isnull=True
        ).exists()
        return limit_edge_lifetime(response, running=running)

    def get_object(self, request, slug, **kwargs):
        return live_at(request, slug, FEED_SUFFIX)

    def title(self, obj):
        return f"{settings.SITE_NAME} — En direct : {obj.title}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.standfirst or f"Le direct « {obj.title} »."

    def items(self, obj):
        entries = list(LiveEntry.objects.for_readers().filter(article=obj)[:FEED_ITEMS])
        for entry in entries:
            entry.article = obj
        return entries

    def item_title(self, item):
        return entry_headline(item)

    def item_description(self, item):
        # Sanitised HTML (live.sanitizer): RSS readers show it as such.
        return item.body

    def item_link(self, item):
        return f"{item.article.get_absolute_url()}#entree-{item.pk}"

    def item_guid(self, item):
        return seo.absolute(cached_reverse("website:short", item.article_id)) + (
            f"#entree-{item.pk}"
        )

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.edited_at

    def item_author_name(self, item):
        return item.author.name if item.author else None
