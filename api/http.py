"""HTTP done the way the reader pages do it: ETag and Last-Modified with
304s, a ``Cache-Control`` that never outlives the next scheduled change
(``core.freshness``), and rate-limit headers.

``/api/`` is left out of the page cache (``PAGE_CACHE_EXCLUDED_PATHS``): an
API response depends on the ``Accept`` header (ninjs) and every request must
be counted by the rate limits, which a cache hit would skip. CDNs in front
still keep anonymous answers, as long as their ``Cache-Control`` says.
"""

import functools
import hashlib
import json
import time

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from api import ninjs
from articles.freshness import cache_control, visibility_bound

NO_STORE = "no-store"
PRIVATE = "private, no-cache"


def http_headers(run):
    """Wraps each API operation (auth, throttling and validation included)."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        start = time.time()
        response = run(request, *args, **kwargs)
        keyed = "HTTP_AUTHORIZATION" in request.META
        patch_vary_headers(response, ["Accept", "Authorization"])
        if rate := getattr(request, "api_rate", None):
            limit, remaining, reset = rate
            response.headers["RateLimit-Limit"] = str(limit)
            response.headers["RateLimit-Remaining"] = str(remaining)
            response.headers["RateLimit-Reset"] = str(max(1, round(reset)))
        if response.status_code == 200:
            return _conditional(request, response, start, keyed=keyed)
        if response.status_code == 404 and not keyed:
            # Shared briefly, like the site's 404s: never past the moment a
            # scheduled article goes live.
            seconds_left = min(
                visibility_bound(start) - start, settings.PAGE_CACHE_NOT_FOUND_MAX_AGE
            )
            response.headers["Cache-Control"] = (
                cache_control(seconds_left) if seconds_left >= 1 else PRIVATE
            )
        else:
            response.headers["Cache-Control"] = NO_STORE
        return response

    return wrapper


def _conditional(request, response, start, *, keyed):
    etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    last_modified = getattr(request, "api_last_modified", None)
    response.headers["ETag"] = etag
    if last_modified:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    seconds_left = visibility_bound(start) - start
    # An operation may keep its answers shorter (a running live).
    seconds_left = min(seconds_left, getattr(request, "api_max_age", seconds_left))
    if keyed or seconds_left < 1:
        # A partner's answer carries its own rate-limit headers: shared
        # caches must not hand it to anyone else. It can still revalidate.
        response.headers["Cache-Control"] = PRIVATE
    else:
        response.headers["Cache-Control"] = cache_control(seconds_left)
    return get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )


def wants_ninjs(request, format) -> bool:
    """IPTC ninjs asked for: ``?format=ninjs``, or its media type in
    ``Accept`` when no format is given."""
    return format == "ninjs" or (
        format is None and ninjs.MEDIA_TYPE in request.headers.get("Accept", "")
    )


def ninjs_response(item: dict) -> HttpResponse:
    """A ninjs item, sent with its own media type."""
    return HttpResponse(
        json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type=f"{ninjs.MEDIA_TYPE}; charset=utf-8",
    )
