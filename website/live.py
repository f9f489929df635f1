"""The reader side of live coverage (``live``): what the article page of a
live shows, the poll answer its script asks for, and the entries' RSS feed.

The rows come from ``LiveEntry.objects.for_readers()``: an entry is shown
from its ``publish_at`` to the second, and the page cache never keeps a page
past the next scheduled entry (``next_visibility_change()``). Every entry
change bumps the page-cache generation (``newsday.invalidation``), so the
poll answer is one cached document per live, the same for every reader.
"""

import contextlib
import functools
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404, JsonResponse
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views import View

from articles.models import Article, Author
from core.formats import site_time
from live.models import LiveCoverage, LiveEntry, attach_photos_and_links
from website import queries
from website.compiled import CompiledQuery

ENTRY_TEMPLATE = "live/entry.html"
# The macro ENTRY_TEMPLATE calls: what a stored fragment depends on.
FRAGMENTS_TEMPLATE = "live/entries.html"
FRAGMENT_PREFIX = "live:entry:"
# Fragments are found by content: a day is longer than any live's busy hours.
FRAGMENT_TIMEOUT = 24 * 3600
# Fragments each process keeps (a few lives' worth of pages).
LOCAL_FRAGMENTS = 2000
# Pinned entries shown above the others, at most.
PINNED_LIMIT = 5
FEED_ITEMS = 30
HEADLINE_LENGTH = 110
JSON_LD_UPDATES = 10


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
    # Each entry's HTML, by id (``entry_fragments()``).
    html: dict


@functools.cache
def _coverage_query():
    return CompiledQuery(
        lambda article: LiveCoverage.objects.filter(article=article)[:1],
        article=models.BigIntegerField(),
    )


def _coverage(article):
    found = _coverage_query()(article=article.pk)
    return found[0] if found else LiveCoverage(article=article)


def live_page(article: Article, *, before: str | None = None, now=None) -> LivePage:
    """The entries of ``article``'s live page: its pinned entries and the
    latest ``LIVE_PAGE_ENTRIES`` others, newest first (older than the entry
    ``before`` on « Entrées précédentes »). A cursor that is not an entry
    id answers 404."""
    now = now or timezone.now()
    limit = settings.LIVE_PAGE_ENTRIES
    cursor = None
    if before:
        if not before.isdigit() or len(before) > 12:
            raise Http404("Ce lien vers des entrées précédentes n’est pas valide.")
        cursor = int(before)
    rows = _entries(now, article.pk, limit=limit + 1, pinned=False, before=cursor)
    pinned = (
        []
        if cursor
        else _entries(now, article.pk, limit=PINNED_LIMIT, pinned=True, before=None)
    )
    attach_photos_and_links([*pinned, *rows[:limit]], now)
    coverage = _coverage(article)
    end = coverage.closed_at or now
    with_dates = site_time(article.publish_at).date() != site_time(end).date()
    return LivePage(
        coverage=coverage,
        pinned=pinned,
        entries=rows[:limit],
        older_than=rows[limit - 1].pk if len(rows) > limit else None,
        with_dates=with_dates,
        is_archive=bool(before),
        poll_seconds=settings.LIVE_POLL_SECONDS,
        html=entry_fragments([*pinned, *rows[:limit]], with_dates=with_dates),
    )


# What an entry shows of its row, read as columns with its author's name
# and slug (a compiled query gives rows, not joined instances).
ROW_FIELDS = (
    "id",
    "author_id",
    "title",
    "body",
    "image_id",
    "link_article_id",
    "link_url",
    "link_title",
    "publish_at",
    "edited_at",
    "is_important",
    "is_pinned",
)


@functools.cache
def _entries_query(limit, pinned, with_cursor):
    """The visible entries of a live, newest first, compiled to SQL once per
    process (``website.compiled``): building the ORM query cost more than
    running it."""

    def build(now, article, cursor=None):
        entries = LiveEntry.objects.published(now).filter(
            article=article, is_pinned=pinned
        )
        if with_cursor:
            entries = entries.before(cursor)
        return entries.order_by("-publish_at", "-id").values_list(
            *ROW_FIELDS, "author__name", "author__slug"
        )[:limit]

    ids = models.BigIntegerField()
    params = {"now": models.DateTimeField(), "article": ids}
    if with_cursor:
        params["cursor"] = ids
    return CompiledQuery(build, **params)


def _entries(now, article_id, *, limit, pinned, before):
    """Entries as light instances (only their shown fields loaded), sharing
    one ``Author`` per person."""
    query = _entries_query(limit, pinned, before is not None)
    values = {"now": now, "article": article_id}
    if before is not None:
        values["cursor"] = before
    authors = {}
    entries = []
    for *row, author_name, author_slug in query.rows(**values):
        entry = LiveEntry.from_db(None, ROW_FIELDS, row)
        if entry.author_id is not None:
            if entry.author_id not in authors:
                authors[entry.author_id] = Author.from_db(
                    None,
                    ["id", "name", "slug"],
                    [entry.author_id, author_name, author_slug],
                )
            entry.author = authors[entry.author_id]
        entries.append(entry)
    return entries


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


def render_entry(entry, *, with_dates):
    # Safe: the template (Jinja2's, auto-escaping) escapes what it inserts.
    return SafeString(
        render_to_string(ENTRY_TEMPLATE, {"entry": entry, "with_dates": with_dates})
    )


class LocalFragments(dict):
    """This process's copy of recent entry fragments, the oldest dropped
    past ``LOCAL_FRAGMENTS``."""

    def put(self, key, value):
        if key not in self and len(self) >= LOCAL_FRAGMENTS:
            with contextlib.suppress(KeyError, RuntimeError, StopIteration):
                del self[next(iter(self))]
        self[key] = value


local_fragments = LocalFragments()


@functools.cache
def _template_fingerprint() -> str:
    """The entry template's source, hashed: a changed template (a release)
    never reads fragments the former one rendered."""
    env = engines["jinja2"].env
    source = env.loader.get_source(env, FRAGMENTS_TEMPLATE)[0]
    return hashlib.md5(source.encode(), usedforsecurity=False).hexdigest()


def _fragment_key(entry, with_dates) -> str:
    """A key made of everything the entry's HTML shows, so that a stored
    fragment is never stale: any change to the entry, its author or its
    linked article's card makes another key."""
    card = entry.link_card
    author = entry.author
    parts = (
        _template_fingerprint(),
        entry.pk,
        entry.publish_at.timestamp(),
        entry.edited_at.timestamp() if entry.edited_at else None,
        entry.title,
        entry.body,
        entry.is_important,
        entry.is_pinned,
        entry.link_url,
        entry.link_title,
        with_dates,
        (author.pk, author.name, author.slug) if author else None,
        (card.get_absolute_url(), card.title, card.section.name) if card else None,
    )
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"{FRAGMENT_PREFIX}{entry.pk}:{digest}"


def entry_fragments(entries, *, with_dates) -> dict:
    """Each entry's HTML by id. Rendering fifty entries costs more than the
    rest of the page: those rendered before are read from the shared cache
    in one round trip, under a key made of their content (see
    docs/design/live-fragments.md for what it buys). Entries with a photo
    are rendered each time (their picture depends on the renditions made)."""
    keys = {
        entry.pk: _fragment_key(entry, with_dates)
        for entry in entries
        if entry.photo is None
    }
    # A key names one content for good: this process's copy can never be
    # stale, so it is asked first, and the shared cache only for the rest.
    found = {
        key: local_fragments[key] for key in keys.values() if key in local_fragments
    }
    missing = [key for key in keys.values() if key not in found]
    if missing:
        found |= cache.get_many(missing)
    fragments, rendered = {}, {}
    for entry in entries:
        key = keys.get(entry.pk)
        if key in found:
            # Safe: stored by render_entry() below.
            fragments[entry.pk] = SafeString(found[key])
            local_fragments.put(key, found[key])
            continue
        fragments[entry.pk] = render_entry(entry, with_dates=with_dates)
        if key:
            rendered[key] = str(fragments[entry.pk])
            local_fragments.put(key, rendered[key])
    if rendered:
        cache.set_many(rendered, timeout=FRAGMENT_TIMEOUT)
    return fragments


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
                    "html": page.html[entry.pk],
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
