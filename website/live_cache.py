"""How a live's pages are cached (docs/design/live-cache.md): the page
cache scope they share, the addresses an entry changes, and how long edges
may keep them while the live runs."""

from django.conf import settings

# The page cache scope of an article's pages (``page_cache_scope`` of their
# views, formatted with the URL's arguments): what a live's entry changes.
PAGE_CACHE_SCOPE = "article:{slug}"
# The live's own addresses after its article's: its poll answer, its feed.
POLL_SUFFIX = "direct.json"
FEED_SUFFIX = "direct/rss/"


def page_cache_scope(article) -> str:
    return PAGE_CACHE_SCOPE.format(slug=article.slug)


def live_paths(article) -> list[str]:
    """The addresses that show ``article``'s entries (its older pages,
    ``?avant=``, cannot be listed: their edge lifetime is short instead)."""
    page = article.get_absolute_url()
    return [page, page + POLL_SUFFIX, page + FEED_SUFFIX]


def limit_edge_lifetime(response, *, running: bool):
    """Let edges keep a running live's responses one poll interval at most
    (the page cache reads ``page_cache_edge_max_age``): without a purge
    backend, a reader still sees an entry within about two intervals. A
    finished live keeps the site's lifetime."""
    if running:
        response.page_cache_edge_max_age = settings.LIVE_POLL_SECONDS
    return response
