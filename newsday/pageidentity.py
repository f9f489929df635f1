"""Which page a request asks for, as the page cache keys it
(``newsday.pagecache``): its address with only the query parameters its view
reads, and the scope its view names.
"""

import functools

from django.http import Http404
from django.urls import get_resolver, get_urlconf
from django.utils.http import urlencode

# The attribute by which a view names the query parameters its page reads
# (``page_cache_params = ("page",)`` on a class-based view, or set on a view
# function). The others (``utm_source``, ``fbclid``, a random ``?x=…``)
# change neither the page nor its cache key: a flood of random query strings
# finds the stored page instead of storing a copy per URL.
PARAMS_ATTRIBUTE = "page_cache_params"
# The attribute by which a view names the scope of its pages, a pattern
# formatted with the URL's arguments (``page_cache_scope = "article:{slug}"``).
SCOPE_ATTRIBUTE = "page_cache_scope"
# Paths whose parameters are remembered by each process.
PARAMS_MEMORY = 4096


@functools.lru_cache(maxsize=PARAMS_MEMORY)
def read_view(resolver, path):
    """What the view of ``path`` declares: the query parameters its page
    reads (``page_cache_params``, none by default) and its page's scope
    (``page_cache_scope`` formatted with the URL's arguments, or None)."""
    try:
        match = resolver.resolve(path)
    except Http404:
        return (), None
    view = getattr(match.func, "view_class", match.func)
    params = tuple(sorted(getattr(view, PARAMS_ATTRIBUTE, ())))
    pattern = getattr(view, SCOPE_ATTRIBUTE, None)
    try:
        scope = pattern.format_map(match.kwargs) if pattern else None
    except KeyError:
        # A subclass routed without the argument (a preview by id): no scope,
        # so only the site's generation retires its pages.
        scope = None
    return params, scope


def page_identity(request):
    """The page's identity and its scope (or None). The identity: scheme,
    host, path, and the query parameters its view reads, in a fixed order;
    the others are left out, and so are blank ones (``?page=`` is the first
    page, ``?q=`` the empty search form)."""
    names, scope = read_view(get_resolver(get_urlconf()), request.path_info)
    query = ""
    if names and request.META.get("QUERY_STRING"):
        query = urlencode(
            [
                (name, value)
                for name in names
                for value in request.GET.getlist(name)
                if value
            ]
        )
    # get_host() validates the Host header: a bad host is a 400 even on a hit.
    return f"{request.scheme}://{request.get_host()}{request.path}?{query}", scope
