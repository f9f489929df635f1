"""The reader side of live coverage (``live``): what the article page of a
live shows, the poll answer its script asks for, and the entries' RSS feed.

The rows come from ``LiveEntry.objects.for_readers()``: an entry is shown
from its ``publish_at`` to the second, and the page cache never keeps a page
past the next scheduled entry (``next_visibility_change()``). The live's
pages (its page and older pages, its poll answer, its feed) share one page
cache scope (``website.live_cache``), which every entry change retires
(``newsday.invalidation``) without touching the rest of the site, so the poll
answer is one cached document per live, the same for every reader. While the
live runs, edges keep them at most ``LIVE_POLL_SECONDS``: readers see an
entry in time even where no purge reaches.
"""

import contextlib
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
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
from website.live_cache import PAGE_CACHE_SCOPE, POLL_SUFFIX, limit_edge_lifetime

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


@dataclass(slots=True)
class ShownEntry:
    """What a page needs of an entry beside its HTML: its id and times (the
    poll answer), and what its ``BlogPosting`` says. Lighter than a model
    instance, which costs more to build than the row costs to read."""

    pk: int
    publish_at: dt.datetime
    edited_at: dt.datetime | None
    title: str
    body: str
    author_name: str | None
    html: SafeString


@dataclass
class LivePage:
    coverage: LiveCoverage
    pinned: list[ShownEntry]
    entries: list[ShownEntry]
    # The cursor of « Entrées précédentes » (the oldest entry shown), or None.
    older_than: int | None
    # Whether entries show their day as well as their time.
    with_dates: bool
    # Entries of an older page (``?avant=``): no new entries arrive there.
    is_archive: bool
    # How often the page's script asks for new entries.
    poll_seconds: int


COVERAGE_FIELDS = ("article_id", "closed_at", "summary", "summary_updated_at")


@functools.cache
def _coverage_query():
    return CompiledQuery(
        # No ordering: the model's default one joins the article.
        lambda article: (
            LiveCoverage.objects.filter(article=article)
            .order_by()
            .values_list(*COVERAGE_FIELDS)[:1]
        ),
        article=models.BigIntegerField(),
    )


def _coverage(article):
    found = _coverage_query().rows(article=article.pk)
    if not found:
        return LiveCoverage(article=article)
    coverage = LiveCoverage.from_db(None, COVERAGE_FIELDS, found[0])
    coverage.article = article
    return coverage


def live_page(article: Article, *, before: str | None = None, now=None) -> LivePage:
    """The entries of ``article``'s live page: its pinned entries and the
    latest ``LIVE_PAGE_ENTRIES`` others, newest first (older than the entry
    ``before`` on « Entrées précédentes »), read in one query. A cursor that
    is not an entry id answers 404."""
    now = now or timezone.now()
    limit = settings.LIVE_PAGE_ENTRIES
    cursor = None
    if before:
        if not before.isdigit() or len(before) > 12:
            raise Http404("Ce lien vers des entrées précédentes n’est pas valide.")
        cursor = int(before)
    rows = _entry_rows(now, article.pk, limit=limit, before=cursor)
    pinned = [row for row in rows if row[PINNED]]
    others = [row for row in rows if not row[PINNED]]
    coverage = _coverage(article)
    end = coverage.closed_at or now
    with_dates = site_time(article.publish_at).date() != site_time(end).date()
    shown = entry_fragments([*pinned, *others[:limit]], with_dates=with_dates, now=now)
    return LivePage(
        coverage=coverage,
        pinned=shown[: len(pinned)],
        entries=shown[len(pinned) :],
        older_than=others[limit - 1][0] if len(others) > limit else None,
        with_dates=with_dates,
        is_archive=bool(before),
        poll_seconds=settings.LIVE_POLL_SECONDS,
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
ID, TITLE, BODY, IMAGE, LINK_ARTICLE = 0, 2, 3, 4, 5
PUBLISH_AT, EDITED_AT, PINNED, AUTHOR_NAME = 8, 9, 11, 12


@functools.cache
def _entries_query(limit, with_cursor):
    """A live's visible entries, newest first, compiled to SQL once per
    process (``website.compiled``: building the ORM query cost more than
    running it). On its latest page: its pinned entries (at most
    ``PINNED_LIMIT``) and ``limit + 1`` others (one more tells whether older
    ones exist), in one statement; on an older page, ``limit + 1`` others
    older than the cursor."""

    def build(now, article, cursor=None):
        visible = LiveEntry.objects.published(now).filter(article=article)
        latest = visible.filter(is_pinned=False)
        if with_cursor:
            entries = latest.before(cursor)
        else:
            newest_first = ("-publish_at", "-id")
            pinned = visible.filter(is_pinned=True).order_by(*newest_first)
            latest = latest.order_by(*newest_first)
            # Two lists of ids, each read from its index, then the rows:
            # one round trip instead of one per list. (The live named again
            # keeps PostgreSQL, which cannot look up an OR of two IN lists
            # by key, within this live's rows.)
            entries = LiveEntry.objects.filter(article=article).filter(
                Q(pk__in=pinned.values("pk")[:PINNED_LIMIT])
                | Q(pk__in=latest.values("pk")[: limit + 1])
            )
        return entries.order_by("-publish_at", "-id").values_list(
            *ROW_FIELDS, "author__name", "author__slug"
        )[: limit + 1 + (0 if with_cursor else PINNED_LIMIT)]

    ids = models.BigIntegerField()
    params = {"now": models.DateTimeField(), "article": ids}
    if with_cursor:
        params["cursor"] = ids
    return CompiledQuery(build, **params)


def _entry_rows(now, article_id, *, limit, before):
    values = {"now": now, "article": article_id}
    if before is not None:
        values["cursor"] = before
    return _entries_query(limit, before is not None).rows(**values)


def _entry_instances(rows, now):
    """``LiveEntry`` instances for the rows to render (only their shown
    fields loaded), sharing one ``Author`` per person, with their photos
    and linked articles."""
    authors = {}
    entries = []
    for *row, author_name, author_slug in rows:
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
    attach_photos_and_links(entries, now)
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


def _shared_key(content) -> str:
    digest = hashlib.md5(
        repr((_template_fingerprint(), content)).encode(), usedforsecurity=False
    ).hexdigest()
    return f"{FRAGMENT_PREFIX}{content[0][ID]}:{digest}"


def _card(entry):
    """What an entry's linked-article card shows (it changes with the
    article, not with the entry)."""
    card = entry.link_card
    return (card.get_absolute_url(), card.title, card.section.name) if card else None


def entry_fragments(rows, *, with_dates, now) -> list[ShownEntry]:
    """The entries of ``rows`` with their HTML. Rendering fifty entries
    costs more than the rest of the page: a fragment is kept under what it
    shows (the row: every shown field of the entry and its author's name
    and slug; whether dates are shown; a linked article's card), so a kept
    one is never stale and nothing has to be invalidated. This process's
    copy is asked first, then the shared cache in one round trip, and only
    the rest is rendered (docs/design/live-fragments.md). Entries with a
    photo are rendered each time (their picture depends on the renditions
    made)."""
    # Photos and linked articles need their instances (and a query each)
    # before their key is known; entries have them seldom.
    rich = {
        entry.pk: entry
        for entry in _entry_instances(
            [row for row in rows if row[IMAGE] or row[LINK_ARTICLE]], now
        )
    }
    keys = {}
    for row in rows:
        entry = rich.get(row[ID])
        if entry is None:
            keys[row[ID]] = (row, with_dates)
        elif entry.photo is None:
            keys[row[ID]] = (row, with_dates, _card(entry))
    found = {
        pk: local_fragments[key] for pk, key in keys.items() if key in local_fragments
    }
    missing = {_shared_key(key): pk for pk, key in keys.items() if pk not in found}
    if missing:
        for shared, html in cache.get_many(list(missing)).items():
            found[missing[shared]] = html
            local_fragments.put(keys[missing[shared]], html)
    to_render = [row for row in rows if row[ID] not in found and row[ID] not in rich]
    rich |= {entry.pk: entry for entry in _entry_instances(to_render, now)}
    rendered = {}
    shown = []
    for row in rows:
        pk = row[ID]
        if pk in found:
            # Safe: stored below from render_entry().
            html = SafeString(found[pk])
        else:
            html = render_entry(rich[pk], with_dates=with_dates)
            if pk in keys:
                rendered[_shared_key(keys[pk])] = str(html)
                local_fragments.put(keys[pk], str(html))
        shown.append(
            ShownEntry(
                pk=pk,
                publish_at=row[PUBLISH_AT],
                edited_at=row[EDITED_AT],
                title=row[TITLE],
                body=row[BODY],
                author_name=row[AUTHOR_NAME],
                html=html,
            )
        )
    if rendered:
        cache.set_many(rendered, timeout=FRAGMENT_TIMEOUT)
    return shown


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

    page_cache_scope = PAGE_CACHE_SCOPE

    def get(self, request, slug, **kwargs):
        article = live_at(request, slug, POLL_SUFFIX)
        page = live_page(article)
        coverage = page.coverage

        def rows(entries):
            return [
                {
                    "id": entry.pk,
                    "t": entry.publish_at.timestamp(),
                    "html": entry.html,
                }
                for entry in entries
            ]

        response = JsonResponse(
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
        return limit_edge_lifetime(response, running=coverage.is_running)
