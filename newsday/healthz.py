"""``/healthz``: is this app server able to serve? For load balancers.

Answered by the first middleware, before host validation, sessions or the
page cache, so a probe by IP address works and a probe never hits a cached
answer. 200 when the database and the cache both answer, else 503; a short
JSON body says which part failed. Details of the errors go to the log only.

The body also gives the background jobs' queue lag (``queue_lag_seconds``:
how long the oldest job that could run has waited; ``null`` if the queue
cannot be read) for monitoring. It never changes the status: slow or stopped
workers are no reason to take this app server out of the load balancer.
"""

import json
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse

from jobs.lag import queue_lag

logger = logging.getLogger("newsday.healthz")

PATH = "/healthz"


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches[settings.PAGE_CACHE_ALIAS]
    if hasattr(cache, "ping"):
        cache.ping()
    else:
        cache.set("healthz", "ok", 5)
        if cache.get("healthz") != "ok":
            raise RuntimeError("cache did not return what was stored")


def health():
    checks = {}
    for name, check in (("database", check_database), ("cache", check_cache)):
        try:
            check()
        except Exception as exc:
            logger.warning("Health check: %s unavailable: %r", name, exc)
            checks[name] = "error"
        else:
            checks[name] = "ok"
    ok = all(value == "ok" for value in checks.values())
    return {"status": "ok" if ok else "error", **checks, "queue_lag_seconds": lag()}


def lag():
    try:
        return round(queue_lag(), 1)
    except Exception as exc:
        logger.warning("Health check: job queue unreadable: %r", exc)
        return None


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH:
            return self.get_response(request)
        report = health()
        response = HttpResponse(
            json.dumps(report),
            content_type="application/json",
            status=200 if report["status"] == "ok" else 503,
        )
        response["Cache-Control"] = "no-store"
        return response
