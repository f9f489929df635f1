"""Live coverage in the API: ``/api/v1/lives/{id}`` (the live, its state,
« L’essentiel », pinned entries; ninjs on request) and
``/api/v1/lives/{id}/entries`` (its entries, newest first, by cursor, or
what changed since a moment).

A live is an article whose format is « Direct »: it exists for the API when
``Article.objects.published()`` shows it, as its page does.
"""

import datetime as dt
from typing import Literal

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from ninja import Path, Query, Router

from api import cursors, errors, live_data, ninjs, representation, schemas
from api.http import ninjs_response, wants_ninjs
from api.params import (
    DEFAULT_LIMIT,
    MAX_CURSOR,
    MAX_ID,
    MAX_LIMIT,
    aware,
    next_url,
    problems,
)
from articles.models import Article
from core.links import cached_reverse
from website.live import PINNED_LIMIT
from website.seo import absolute

router = Router(tags=["directs"])

NOT_A_LIVE = "Aucun direct publié sous cet identifiant."


def _refuse(live_id):
    """404, or 410 for a trashed live (looked up only then)."""
    if Article.objects.filter(pk=live_id, status=Article.Status.TRASHED).exists():
        raise errors.Gone("Cet article a été supprimé.")
    raise Http404(NOT_A_LIVE)


def _bound_freshness(request, state):
    """A running live changes every minute: its answers are kept no longer
    than its page's script waits between two polls."""
    if state["state"] == "running":
        request.api_max_age = settings.LIVE_POLL_SECONDS
    request.api_last_modified = state["updated_at"]


@router.get(
    "/{live_id}",
    response={200: schemas.Live, **problems(400, 401, 404, 410, 429)},
    url_name="live",
    summary="Un direct : son état, l’essentiel, ses entrées épinglées",
    openapi_extra={"x-ninjs": True},
)
def live_detail(
    request,
    live_id: int = Path(..., ge=1, le=MAX_ID),
    format: Literal["json", "ninjs"] | None = Query(None),
):
    """The live article in full, with its state (``running`` or ``closed``),
    « L’essentiel » (one point per item), its pinned entries and
    ``entries_url``. ``updated_at`` is its last change: pass it as ``since``
    to ``entries_url``. In IPTC ninjs 2.1 with ``?format=ninjs`` (or
    ``Accept: application/ninjs+json``), its latest entries as
    associations."""
    now = timezone.now()
    article = representation.live_article(live_id, now=now)
    if article is None or article.format != Article.Format.LIVE:
        _refuse(live_id)
    coverage = live_data.coverage_of(article)
    state = live_data.state_data(article, coverage, now=now)
    _bound_freshness(request, state)
    pinned = live_data.entries(article, now=now, limit=PINNED_LIMIT, pinned=True)
    data = representation.article_data(article) | state
    data |= {
        "pinned": [live_data.entry_data(article, e) for e in pinned[:PINNED_LIMIT]],
        "entries_url": absolute(cached_reverse("api:live_entries", live_id=article.pk)),
    }
    if wants_ninjs(request, format):
        latest = live_data.entries(
            article, now=now, limit=settings.LIVE_PAGE_ENTRIES, pinned=False
        )
        data["entries"] = [
            live_data.entry_data(article, e)
            for e in latest[: settings.LIVE_PAGE_ENTRIES]
        ]
        return ninjs_response(ninjs.live(data))
    return data


@router.get(
    "/{live_id}/entries",
    response={200: schemas.LiveEntryPage, **problems(400, 401, 404, 410, 429)},
    url_name="live_entries",
    summary="Les entrées d’un direct, de la plus récente à la plus ancienne",
)
def live_entries(
    request,
    live_id: int = Path(..., ge=1, le=MAX_ID),
    since: dt.datetime | None = None,
    cursor: str | None = Query(None, max_length=MAX_CURSOR),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    """Visible entries (pinned ones included, ``is_pinned`` says so), newest
    first: follow ``next`` until it is null. With ``since`` (the
    ``updated_at`` of your last answer), only the entries posted, due or
    edited since then, and in ``removed`` the ids of those to take off
    (deleted, or moved to a later time)."""
    now = timezone.now()
    article = live_data.live_by_id(live_id, now=now)
    if article is None:
        _refuse(live_id)
    coverage = live_data.coverage_of(article)
    state = live_data.state_data(article, coverage, now=now)
    _bound_freshness(request, state)
    since = aware(since) if since else None
    after = cursors.decode(cursor, kinds=(dt.datetime, int)) if cursor else None
    rows = live_data.entries(article, now=now, limit=limit, since=since, after=after)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = cursors.encode(page[-1].publish_at, page[-1].pk) if more else None
    removed = (
        live_data.removed_since(article, since=since, now=now)
        if since and not cursor
        else []
    )
    return {
        "live": state,
        "items": [live_data.entry_data(article, entry) for entry in page],
        "removed": removed,
        "next_cursor": next_cursor,
        "next": next_url(request, next_cursor) if next_cursor else None,
    }
