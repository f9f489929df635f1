"""How long a public response may be kept: never past the next change of
what readers may see (``Article.objects.next_visibility_change()``).

Shared by the page cache (``newsday.pagecache``) and the content API
(``api``), which both build on the articles app, so that a scheduled article appears, and an expiring one
disappears, on time through every cache and CDN in front of either.
"""

import math
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches

from articles.models import Article

BOUND_KEY = "pagecache:next-change"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_control(seconds_left, *, edge_max_age=None):
    """Public ``Cache-Control`` whose lifetime never reaches the next change.

    ``s-maxage`` plus ``stale-while-revalidate`` stays within ``seconds_left``
    so that not even a stale copy is served after a scheduled article goes
    live or expires. ``edge_max_age`` (a page that changes often without a
    purge: a running live) caps both ``s-maxage`` and
    ``stale-while-revalidate``, so an edge serves no copy older than twice it.
    """
    shared = min(settings.PAGE_CACHE_EDGE_MAX_AGE, seconds_left)
    stale_limit = settings.PAGE_CACHE_STALE_WHILE_REVALIDATE
    if edge_max_age is not None:
        shared = min(shared, edge_max_age)
        stale_limit = min(stale_limit, edge_max_age)
    browser = min(settings.PAGE_CACHE_BROWSER_MAX_AGE, shared)
    stale = min(stale_limit, seconds_left - shared)
    value = f"public, max-age={int(browser)}, s-maxage={int(shared)}"
    if stale >= 1:
        value += f", stale-while-revalidate={int(stale)}"
    return value


def visibility_bound(start):
    """The next visibility change after ``start`` as a POSIX time (or ``inf``).

    The cached value is used only if it was computed no later than ``start``:
    a request that began before an article went live must not borrow a bound
    computed after it.
    """
    found = _cache().get(BOUND_KEY)
    if found is not None:
        computed_at, bound = found
        if computed_at <= start < bound:
            return bound
    after = datetime.fromtimestamp(start, tz=UTC)
    change = Article.objects.next_visibility_change(after=after)
    bound = change.timestamp() if change else math.inf
    _cache().set(BOUND_KEY, (start, bound), timeout=settings.PAGE_CACHE_TIMEOUT)
    return bound


def forget_visibility_bound():
    _cache().delete(BOUND_KEY)
