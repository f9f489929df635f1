"""Whole-page cache for anonymous readers, bounded by the publication schedule.

``PageCacheMiddleware`` sits right after the security and static-file
middleware: a cache hit is answered before sessions, CSRF, authentication and
messages run, so a hit costs one cache round trip and a few header writes.

A page is served from the cache only to a request that carries no session or
messages cookie and no ``Authorization`` header (staff always get fresh pages,
and their pages are never stored). A response is stored only if it is a plain
200 to a GET that set no cookie, used no CSRF token and no CSP nonce, and did
not ask for ``private``/``no-store``/``no-cache`` itself.

Correctness with scheduling: every stored page carries the *publication
generation* it was rendered under and an expiry no later than
``Article.objects.next_visibility_change()`` measured from the start of the
request that rendered it. Publishing, editing or unpublishing bumps the
generation (see ``newsday.invalidation``), which retires every stored page at
once; a scheduled article going live retires them through the expiry, without
any job running. The next-change instant is itself cached, and forgotten
whenever an article changes.

Scopes: a view may name what its page shows with ``page_cache_scope``, a
pattern formatted with its URL's arguments (``"article:{slug}"``). Such a
page also carries its scope's generation, read in the same ``get_many`` as
the page, and ``bump_scope()`` retires the pages of that scope only (a live
entry: the live's page, its older pages, its poll answer and its feed), not
the whole site.

Edge lifetime: a view may shorten how long edges keep its page by setting
``page_cache_edge_max_age`` (seconds) on its response (a running live: its
poll interval). The page cache keeps it with the page and writes
``Cache-Control`` from the smaller of it and the next-change bound.

Two levels: the shared cache backend (Redis in production), and a small
process-local copy of the hottest pages, so that most hits need no network
call at all. The local copy is trusted only while this process has checked the
generation in the shared cache within ``PAGE_CACHE_GENERATION_CHECK`` seconds
(1 s by default): a publication made on another server reaches every server
within that time. The expiry at the next scheduled change is exact at both
levels.

Cache errors never break a page: the backend (``newsday.cache``) swallows them,
and while it reports the shared cache unavailable, the local copy is not
trusted either (a publication could not be announced): pages are rendered.
"""

import contextlib
import hashlib
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

# Shared with the content API (api/) and the reader site's copies
# (articles.freshness): re-exported for the page cache's callers.
from articles.freshness import (  # noqa: F401
    BOUND_KEY,
    GENERATION_KEY,
    cache_control,
    forget_visibility_bound,
    seen,
    shared_cache_available,
    visibility_bound,
)
from newsday.pageidentity import page_identity

SCOPE_PREFIX = "pagecache:scope:"
# A scope's generation outlives every page stored under it (at most
# PAGE_CACHE_TIMEOUT): once it has expired, no page of an older generation
# is left to be taken for current.
SCOPE_TIMEOUT = 24 * 3600
# Versioned: a release that changes what an entry holds does not read the
# entries an earlier one stored.
KEY_PREFIX = "pagecache:page:v3:"
# The attribute a view sets on its response to cap the edge lifetime of its
# page (seconds): what changes often without a purge (a running live).
EDGE_MAX_AGE_ATTRIBUTE = "page_cache_edge_max_age"
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
# Headers a stored page keeps; the others are per-request or recomputed.
DROPPED_HEADERS = frozenset(
    {"set-cookie", "cache-control", "expires", "vary", "content-length", "x-page-cache"}
)
PRIVATE = "private, no-cache"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _put(entries, key, value, limit):
    if len(entries) >= limit and key not in entries:
        # Drop the oldest: dicts keep insertion order.
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del entries[next(iter(entries))]
    entries[key] = value


class LocalPages:
    """This process's copy of hot pages and of the generations it last saw:
    the site's (``articles.freshness.seen``, which the reader site's own
    copies read too), and each scope's with when it was read."""

    def __init__(self):
        self.clear()

    def clear(self):
        self.entries = {}
        self.scopes = {}
        seen.forget()

    def put(self, key, entry, limit):
        _put(self.entries, key, entry, limit)

    def see(self, generation, now):
        if generation != seen.value:
            self.entries = {}
        seen.see(generation, now)

    def see_scope(self, scope, generation, now, limit):
        # A forgotten scope only makes its pages ask the shared cache again.
        _put(self.scopes, scope, (generation, now), limit)

    def generations(self, scope, now, check_every):
        """The generations a local page of ``scope`` must carry to be
        served, or None when its scope was not read recently enough."""
        if scope is None:
            return (seen.value, 0)
        seen_scope = self.scopes.get(scope)
        if seen_scope is None or now - seen_scope[1] >= check_every:
            return None
        return (seen.value, seen_scope[0])


local = LocalPages()


def bump_generation():
    """Retire every stored page (called when what readers see changes)."""
    generation = time.time_ns()
    cache().set(GENERATION_KEY, generation, timeout=None)
    local.see(generation, time.monotonic())


def scope_key(scope):
    return SCOPE_PREFIX + scope


def bump_scope(scope):
    """Retire the stored pages of ``scope`` only (as its views name it in
    ``page_cache_scope``), in every process within
    ``PAGE_CACHE_GENERATION_CHECK``."""
    generation = time.time_ns()
    cache().set(scope_key(scope), generation, timeout=SCOPE_TIMEOUT)
    local.see_scope(
        scope, generation, time.monotonic(), settings.PAGE_CACHE_LOCAL_ENTRIES
    )


def generation_age(generation):
    """Seconds since the generation was bumped (``inf`` when never bumped)."""
    return time.time() - generation / 1e9 if generation else math.inf


def shared_key(url):
    return KEY_PREFIX + hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def _forbids_storing(response):
    header = response.headers.get("Cache-Control")
    if not header:
        return False
    for directive in header.lower().split(","):
        name, _, value = directive.strip().partition("=")
        if name in UNCACHEABLE_DIRECTIVES or (name == "max-age" and value == "0"):
            return True
    return False


def _last_modified(response):
    """The ``Last-Modified`` a page declares, else its object's ``modified_at``."""
    if header := response.headers.get("Last-Modified"):
        return parse_http_date_safe(header)
    obj = (getattr(response, "context_data", None) or {}).get("object")
    modified = getattr(obj, "modified_at", None)
    return int(modified.timestamp()) if modified else None


class PageCacheMiddleware:
    def __init__(self, get_response):
        if not settings.PAGE_CACHE_ENABLED:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.cache = cache()
        self.timeout = settings.PAGE_CACHE_TIMEOUT
        self.not_found_age = settings.PAGE_CACHE_NOT_FOUND_MAX_AGE
        self.check_every = settings.PAGE_CACHE_GENERATION_CHECK
        self.local_limit = settings.PAGE_CACHE_LOCAL_ENTRIES
        self.excluded = tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)
        self.bypass_cookies = (
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        )

    def __call__(self, request):
        if not self._eligible(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                response.headers["Cache-Control"] = PRIVATE
            return response

        url, scope = page_identity(request)
        now = time.time()
        checked = time.monotonic()
        if checked - seen.checked_at < self.check_every:
            entry = local.entries.get(url)
            if (
                entry is not None
                and now < entry[1]
                and entry[0] == local.generations(scope, checked, self.check_every)
            ):
                return self._hit(request, entry, now)

        key = shared_key(url)
        # The scope's generation comes with the page: still one round trip.
        keys = (
            [key, GENERATION_KEY]
            if scope is None
            else [key, GENERATION_KEY, scope_key(scope)]
        )
        found = self.cache.get_many(keys)
        generations = (
            found.get(GENERATION_KEY, 0),
            0 if scope is None else found.get(scope_key(scope), 0),
        )
        trusted = shared_cache_available(self.cache)
        if trusted:
            local.see(generations[0], checked)
            if scope is not None:
                local.see_scope(scope, generations[1], checked, self.local_limit)
            entry = found.get(key)
            if entry is not None and entry[0] == generations and now < entry[1]:
                local.put(url, entry, self.local_limit)
                return self._hit(request, entry, now)

        # The latest change this page depends on (newsday.router: the
        # replica is read only once it has had time to receive it).
        request.page_cache_generation = max(generations)
        response = self.get_response(request)
        if trusted and self._storable(request, response):
            return self._store(request, response, url, key, generations, now)
        if self._shareable_not_found(request, response):
            # Edges may keep a 404 briefly (a purge then replaces a withdrawn
            # article's page), never past the next scheduled change.
            seconds_left = min(visibility_bound(now) - now, self.not_found_age)
            response.headers["Cache-Control"] = cache_control(seconds_left)
        elif "Cache-Control" not in response:
            response.headers["Cache-Control"] = PRIVATE
        response.headers["X-Page-Cache"] = "MISS"
        return response

    def _eligible(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(self.excluded):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        if "HTTP_COOKIE" in request.META:
            cookies = request.COOKIES
            return not any(name in cookies for name in self.bypass_cookies)
        return True

    def _storable(self, request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not _forbids_storing(response)
            # A page holding a CSRF token or a CSP nonce is one reader's page.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(request, "_csp_nonce", None)
        )

    def _shareable_not_found(self, request, response):
        # 410: a deleted article's address, kept as briefly as a 404 (a
        # widely shared article deleted by mistake is asked for often).
        return (
            request.method == "GET"
            and response.status_code in (404, 410)
            and not response.cookies
            and "Cache-Control" not in response
        )

    def _store(self, request, response, url, key, generations, start):
        bound = visibility_bound(start)
        expires = min(start + self.timeout, bound)
        if expires - time.time() < 1:
            response.headers["Cache-Control"] = PRIVATE
            return response
        content = response.content
        etag = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
        last_modified = _last_modified(response)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in DROPPED_HEADERS
        }
        edge = getattr(response, EDGE_MAX_AGE_ATTRIBUTE, None)
        entry = (
            generations,
            expires,
            bound,
            headers,
            content,
            etag,
            last_modified,
            edge,
        )
        self.cache.set(key, entry, timeout=math.ceil(expires - time.time()))
        local.put(url, entry, self.local_limit)
        response.headers.pop("Vary", None)
        self._decorate(response, etag, last_modified, bound - start, edge)
        response.headers["X-Page-Cache"] = "MISS"
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )

    def _hit(self, request, entry, now):
        _, _, bound, headers, content, etag, last_modified, edge = entry
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, headers=headers
        )
        response.headers["Content-Length"] = str(len(content))
        self._decorate(response, etag, last_modified, bound - now, edge)
        response.headers["X-Page-Cache"] = "HIT"
        if "HTTP_IF_NONE_MATCH" in request.META or (
            "HTTP_IF_MODIFIED_SINCE" in request.META
        ):
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )
        return response

    @staticmethod
    def _decorate(response, etag, last_modified, seconds_left, edge_max_age):
        response.headers["Cache-Control"] = cache_control(
            seconds_left, edge_max_age=edge_max_age
        )
        response.headers["ETag"] = etag
        if last_modified:
            response.headers["Last-Modified"] = http_date(last_modified)
