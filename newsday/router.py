"""Read replica: reader pages read from it, everything else uses the primary.

Enabled when ``DATABASE_REPLICA_URL`` is set (settings add the ``replica``
alias, this router and ``ReplicaMiddleware``). The middleware marks a request
as a reader request when it is a GET or HEAD outside the admin and carries no
session cookie; only those read from the replica. Writes, the admin, staff
browsing the site and every request made outside a request (commands, shell)
use the primary. For a few seconds after a publication (``REPLICA_LAG_SECONDS``)
reader requests use the primary too, so a page re-rendered for the cache
cannot come from a replica that has not yet received the change.
"""

from contextvars import ContextVar

from django.conf import settings

from newsday import pagecache

REPLICA = "replica"
_reader_request = ContextVar("newsday_reader_request", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reader_request.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)

    def __call__(self, request):
        token = _reader_request.set(self._is_reader_request(request))
        try:
            return self.get_response(request)
        finally:
            _reader_request.reset(token)

    def _is_reader_request(self, request):
        generation = getattr(request, "page_cache_generation", 0)
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(self.excluded)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and pagecache.generation_age(generation) > settings.REPLICA_LAG_SECONDS
        )
