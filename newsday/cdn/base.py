import urllib.error
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


@cache
def backend():
    """The configured backend (``CDN_PURGE_BACKEND``), made once per process."""
    return import_string(settings.CDN_PURGE_BACKEND)(
        **settings.CDN_PURGE_BACKEND_OPTIONS
    )


class PurgeBackend:
    """Remove or refresh the given absolute URLs in a shared cache."""

    def purge(self, urls):
        raise NotImplementedError


class NoopBackend(PurgeBackend):
    """No CDN in front of the site (or one that only honours ``s-maxage``)."""

    def purge(self, urls):
        return None


class PurgeUnavailable(Exception):
    """The CDN did not answer in time, could not be reached or answered 5xx:
    the purge job tries again later (an answer 4xx is an error to fix, not to
    retry)."""


@contextmanager
def unavailable_is_retryable():
    """Turn the network failures worth retrying into ``PurgeUnavailable``."""
    try:
        yield
    except urllib.error.HTTPError as exc:
        if exc.code >= 500:
            raise PurgeUnavailable(f"le CDN a répondu {exc.code}") from exc
        raise
    except OSError as exc:  # URLError, timeouts, refused or reset connections
        raise PurgeUnavailable(f"CDN injoignable : {exc}") from exc
