"""Whether a copy of what readers see is still current, and how long a
public response may be kept.

Two signals, shared by the page cache (``newsday.pagecache``), the content API
(``api``) and the reader site's own copies (``ReaderCopy``: the menu, the
sitemap index), which all build on the articles app:

* the *publication generation*, bumped in the shared cache whenever what
  readers see changes (``newsday.invalidation``): a copy made under an older
  generation is retired. Each process checks it at most every
  ``PAGE_CACHE_GENERATION_CHECK`` seconds (``seen``), so a publication made on
  another server reaches every process within that time;
* the next change of what readers may see
  (``Article.objects.next_visibility_change()``): no copy outlives it, so
  that a scheduled article appears, and an expiring one disappears, on time
  through every cache and CDN.
"""

import math
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches

from articles.models import Article

BOUND_KEY = "pagecache:next-change"
GENERATION_KEY = "pagecache:generation"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def shared_cache_available(shared):
    """False while ``shared`` reports an outage (``newsday.cache``'s Redis
    backend; the others raise instead)."""
    return getattr(shared, "available", True)


class SeenGeneration:
    """The publication generation as this process last read it from the
    shared cache, and when (``time.monotonic()``)."""

    def __init__(self):
        self.forget()

    def forget(self):
        self.value = 0
        self.checked_at = -math.inf

    def see(self, value, now):
        self.value = value
        self.checked_at = now

    def current(self):
        """The generation, read again from the shared cache if this process
        has not read it within ``PAGE_CACHE_GENERATION_CHECK`` seconds; None
        while the shared cache is unavailable (a publication could not be
        announced: no copy can be trusted)."""
        now = time.monotonic()
        if now - self.checked_at < settings.PAGE_CACHE_GENERATION_CHECK:
            return self.value
        shared = _cache()
        value = shared.get(GENERATION_KEY, 0)
        if not shared_cache_available(shared):
            return None
        self.see(value, now)
        return value


seen = SeenGeneration()


class ReaderCopy:
    """A value built from what readers see (the menu, the sitemap index),
    kept in the shared cache and in this process's memory.

    The page cache's consistency model, not a second one: the copy is current
    while the publication generation it was built under is (``seen``), and
    never past the next visibility change, to the second. A read costs no
    network call while this process's copy is current; a generation
    bumped elsewhere is seen within ``PAGE_CACHE_GENERATION_CHECK``.
    """

    instances = []

    def __init__(self, key, build):
        self.key = key
        self.build = build
        self.local = None  # (generation, expires as POSIX time, value)
        ReaderCopy.instances.append(self)

    def get(self):
        generation = seen.current()
        if generation is None:
            return self.build()
        now = time.time()
        copy = self.local
        if copy is None or copy[0] != generation or now >= copy[1]:
            copy = _cache().get(self.key)
            if copy is None or copy[0] != generation or now >= copy[1]:
                # Bounded from the start: what is built next is what readers
                # see at ``now`` at the latest.
                expires = visibility_bound(now)
                copy = (generation, expires, self.build())
                seconds = min(expires - time.time(), settings.PAGE_CACHE_TIMEOUT)
                if seconds >= 1:
                    _cache().set(self.key, copy, timeout=int(seconds))
            self.local = copy
        return copy[2]

    @classmethod
    def forget_local(cls):
        """Drop every process-local copy (tests start afresh)."""
        for instance in cls.instances:
            instance.local = None


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
