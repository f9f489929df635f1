"""The reader side of live coverage (``live``): what the article page of a
live shows, the poll answer its script asks for, and the entries' RSS feed.

The rows come from ``LiveEntry.objects.for_readers()``: an entry is shown
from its ``publish_at`` to the second, and the page cache never keeps a page
past the next scheduled entry (``next_visibility_change()``). Every entry
change bumps the page-cache generation (``newsday.invalidation``), so the
poll answer is one cached document per live, the same for every reader.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views import View

from articles.models import Article
from core.formats import iso_datetime, site_time
from core.links import cached_reverse
from live.models import LiveCoverage, LiveEntry
from website import queries, seo

ENTRY_TEMPLATE = "live/entry.html"
# Pinned entries shown above the others, at most.
PINNED_LIMIT = 5
FEED_ITEMS = 30


@dataclass
class LivePage:
    coverage: LiveCoverage
    pinned: list
    entries: list
    # The cursor of « Entrées précédentes » (the oldest entry shown), or None.
    older_than: int | None
    # Whether entries show their day as well as their time.
    with_dates: bool
    # Entries of an older page (``?avant=``): no new entries arrive there.
    is_archive: bool
    # How often the page's script asks for new entries.
    poll_seconds: int


def _coverage(article):
    try:
        return article.live
    except LiveCoverage.DoesNotExist:
        return LiveCoverage(article=article)


def live_page(article: Article, *, before: str | None = None, now=None) -> LivePage:
    """The entries of ``article``'s live page: its pinned entries and the
    latest ``LIVE_PAGE_ENTRIES`` others, newest first (older than the entry
    ``before`` on « Entrées précédentes »). A cursor that is not an entry
    id answers 404."""
    now = now or timezone.now()
    limit = settings.LIVE_PAGE_ENTRIES
    entries = LiveEntry.objects.for_readers(now).filter(article=article)
    stream = entries.filter(is_pinned=False)
    if before:
        if not before.isdigit() or len(before) > 12:
            raise Http404("Ce lien vers des entrées précédentes n’est pas valide.")
        stream = stream.before(int(before))
    rows = list(stream[: limit + 1])
    pinned = [] if before else list(entries.filter(is_pinned=True)[:PINNED_LIMIT])
    coverage = _coverage(article)
    end = coverage.closed_at or now
    return LivePage(
        coverage=coverage,
        pinned=pinned,
        entries=rows[:limit],
        older_than=rows[limit - 1].pk if len(rows) > limit else None,
        with_dates=site_time(article.publish_at).date() != site_time(end).date(),
        is_archive=bool(before),
        poll_seconds=settings.LIVE_POLL_SECONDS,
    )


def mark_running_lives(cards) -> None:
    """Set ``live_running`` on the cards of lives still running (the
    « En direct » badge), in one query, and only if a card is a live."""
    lives = [card.pk for card in cards if card.format == Article.Format.LIVE]
    if not lives:
        return
    running = set(
        LiveCoverage.objects.filter(
            article__in=lives, closed_at__isnull=True
        ).values_list("article_id", flat=True)
    )
    for card in cards:
        card.live_running = card.pk in running


def render_entry(entry, *, with_dates, request=None):
    return render_to_string(
        ENTRY_TEMPLATE, {"entry": entry, "with_dates": with_dates}, request=request
    )


def live_at(request, slug, suffix) -> Article:
    """The published live at ``slug``, if ``request`` asks for its own
    address plus ``suffix`` (any other date or rubrique answers 404: one
    cached copy per live)."""
    article = queries.live_article(slug)
    if (
        article is None
        or article.format != Article.Format.LIVE
        or request.path != article.get_absolute_url() + suffix
    ):
        raise Http404("Aucun direct publié à cette adresse.")
    return article


class LiveUpdatesView(View):
    """``<article address>direct.json``: what a reader's page asks for every
    ``LIVE_POLL_SECONDS``. One document per live, the same for every reader
    (no parameter: the page cache and the CDN keep a single copy, retired
    by every entry change), holding the latest entries as HTML; the script
    shows the new ones on demand and updates edited and deleted ones."""

    def get(self, request, slug, **kwargs):
        article = live_at(request, slug, "direct.json")
        page = live_page(article)
        coverage = page.coverage

        def rows(entries):
            return [
                {
                    "id": entry.pk,
                    "t": entry.publish_at.timestamp(),
                    "html": render_entry(entry, with_dates=page.with_dates),
                }
                for entry in entries
            ]

        return JsonResponse(
            {
                "running": coverage.is_running,
                "status": render_to_string(
                    "live/status.html", {"coverage": coverage}, request=request
                ),
                "summary": render_to_string(
                    "live/summary.html", {"coverage": coverage}, request=request
                ),
                "pinned": rows(page.pinned),
                "entries": rows(page.entries),
                # Fewer than a page: every entry is here, so one missing from
                # the reader's page was deleted, whatever its age.
                "complete": page.older_than is None,
            },
            json_dumps_params={"ensure_ascii": False},
        )


def live_blog_posting(article, page: LivePage, *, authors, tags):
    """``LiveBlogPosting`` of a live page: the article's ``NewsArticle``
    data, the coverage's start and (once it is over) end, and the entries
    shown as ``liveBlogUpdate`` items."""
    data = seo.news_article(article, authors=authors, tags=tags, corrections=[])
    updates = [*page.pinned, *page.entries]
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


def entry_headline(entry) -> str:
    return entry.title or Truncator(strip_tags(entry.body)).chars(110) or "Photo"


def _blog_posting(article, entry):
    data = {
        "@type": "BlogPosting",
        "headline": Truncator(entry_headline(entry)).chars(110),
        "url": seo.absolute(f"{article.get_absolute_url()}#entree-{entry.pk}"),
        "datePublished": iso_datetime(entry.publish_at),
        "articleBody": strip_tags(entry.body),
        "author": {"@type": "Person", "name": entry.author.name}
        if entry.author
        else {"@type": "Organization", "name": settings.SITE_NAME},
    }
    if entry.edited_at:
        data["dateModified"] = iso_datetime(entry.edited_at)
    return data


class LiveEntriesFeed(Feed):
    """RSS of a live's latest entries, newest first."""

    def get_object(self, request, slug, **kwargs):
        return live_at(request, slug, "direct/rss/")

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
