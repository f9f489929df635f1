"""Links to our pages and static files, computed once.

``reverse()`` costs tens of microseconds, and a page builds dozens of links,
mostly the same ones on every request (menu, footer, feeds, article cards).
Its result depends only on the URLconf, the script prefix and the arguments:
with those as the key, a link is computed once per process. A static file's
URL (its hashed name, from the manifest) depends only on its path and the
static files settings.
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse


def cached_reverse(viewname, *args, **kwargs):
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(
        urlconf, get_script_prefix(), viewname, args, tuple(sorted(kwargs.items()))
    )


@functools.lru_cache(maxsize=50_000)
def _reverse(urlconf, prefix, viewname, args, kwargs):
    # ``prefix`` is part of the key only: reverse() reads it itself.
    return reverse(viewname, urlconf=urlconf, args=args or None, kwargs=dict(kwargs))


@functools.lru_cache(maxsize=1_000)
def cached_static(path):
    return static(path)


def _forget_static(*, setting, **kwargs):
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES"}:
        cached_static.cache_clear()


setting_changed.connect(_forget_static, dispatch_uid="core.links.static")
