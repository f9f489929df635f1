"""Django's built-in Redis cache, made to degrade instead of failing.

A cache is an optimisation: when Redis is down or slow, the site must keep
serving pages from the database. Every cache call here catches Redis errors,
logs them and behaves as a miss (reads) or a no-op (writes). After a failure
the backend stops calling Redis for ``RETRY_AFTER`` seconds (a small circuit
breaker), so a dead Redis costs one failed call per interval and process, not
one per request.

``ping()`` is the one call that raises: ``/healthz`` uses it to report the cache.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("newsday.cache")

# Seconds during which a failed Redis is not called again.
RETRY_AFTER = 5.0
# Short socket timeouts: a cache that answers slowly is worse than no cache.
DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.5,
    "health_check_interval": 30,
}


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every call, and building one
    costs more than a Redis round trip on loopback; the client is thread-safe
    and bound to its pool, so keep one per pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        params["OPTIONS"] = DEFAULT_OPTIONS | params.get("OPTIONS", {})
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0

    @property
    def available(self):
        """False for ``RETRY_AFTER`` seconds after a failed call."""
        return not self._down_until or time.monotonic() >= self._down_until

    def _guard(self, operation, default, call, *args, **kwargs):
        if self._down_until and time.monotonic() < self._down_until:
            return default
        try:
            result = call(*args, **kwargs)
        except Exception as exc:
            if self._is_redis_error(exc):
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning(
                    "Cache unavailable (%s failed: %s); serving without it for %.0f s.",
                    operation,
                    exc,
                    RETRY_AFTER,
                )
                return default
            raise
        self._down_until = 0.0
        return result

    def _is_redis_error(self, exc):
        import redis

        return isinstance(exc, redis.RedisError | OSError)

    def ping(self):
        """Raise if Redis does not answer (used by the health check)."""
        return self._cache.get_client(write=True).ping()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guard("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # A missing key must still raise ValueError, as Django documents.
        return self._guard("incr", delta, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            "set_many", list(data), super().set_many, data, timeout, version
        )

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._guard("clear", False, super().clear)
