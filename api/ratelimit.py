"""Fixed-window request counters, shared by every server: one atomic step
per request.

Two stores, chosen from the default cache:

* Redis (``CACHE_URL=redis://…``): ``cache.incr`` on the window's key, a
  ``cache.add`` for its first request; atomic, two round trips.
* The database cache (``CACHE_URL`` unset): Django's ``DatabaseCache``
  makes an increment a read and then a write in a transaction that first
  counts the whole cache table (six queries, and two requests at once could
  both read the same count). Counters then go in their own table instead,
  one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement per request:
  atomic on PostgreSQL and SQLite, and the only query the limit costs.
"""

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection

from api.models import RateCounter

# One row per client: the window moves on in place (hits back to 1).
UPSERT = """
INSERT INTO api_ratecounter (who, window_start, hits) VALUES (%s, %s, 1)
ON CONFLICT (who) DO UPDATE SET
    hits = CASE WHEN api_ratecounter.window_start = excluded.window_start
           THEN api_ratecounter.hits + 1 ELSE 1 END,
    window_start = excluded.window_start
RETURNING hits
"""
UPSERT_VENDORS = ("postgresql", "sqlite")


def uses_database() -> bool:
    return (
        isinstance(caches["default"], DatabaseCache)
        and connection.vendor in UPSERT_VENDORS
    )


def count_in_database(who: str, *, start: int, window: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [who, start])
        (hits,) = cursor.fetchone()
    if hits == 1:
        # A client's new window: clients gone quiet for a whole window lose
        # their row, so the table holds only those of the last two windows.
        RateCounter.objects.filter(window_start__lt=start - window).delete()
    return hits


def count_in_cache(who: str, *, start: int, window: int) -> int:
    key = f"api:rate:{who}:{start}"
    try:
        # Most requests find their window's counter: one increment.
        return cache.incr(key)
    except ValueError:
        # The window's first request (or a counter evicted): create it;
        # another server may have just done so.
        try:
            return 1 if cache.add(key, 1, timeout=window + 1) else cache.incr(key)
        except ValueError:
            # Gone again (the cache is down): let the request through
            # rather than refuse everyone.
            return 1


def count_request(who: str, *, start: int, window: int) -> int:
    """Count one request of ``who`` in the window starting at ``start`` (POSIX
    seconds, ``window`` long); the requests counted so far in it."""
    store = count_in_database if uses_database() else count_in_cache
    return store(who, start=start, window=window)
