"""Page cache scopes (newsday/pagecache.py): a view names what its page
shows (``page_cache_scope``), and ``bump_scope()`` retires those pages only."""

import pytest
from django.http import HttpResponse

from newsday import pagecache
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def cached(client, url):
    client.get(url)
    return client.get(url)


def test_bumping_a_scope_retires_its_pages_only(client):
    shown, other = make_article(), make_article()
    for url in ("/", shown.get_absolute_url(), other.get_absolute_url()):
        assert cached(client, url)["X-Page-Cache"] == "HIT"
    pagecache.bump_scope(f"article:{shown.slug}")
    assert client.get(shown.get_absolute_url())["X-Page-Cache"] == "MISS"
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "HIT"
    assert client.get("/")["X-Page-Cache"] == "HIT"


def test_bumping_the_generation_still_retires_scoped_pages(client):
    article = make_article()
    assert cached(client, article.get_absolute_url())["X-Page-Cache"] == "HIT"
    pagecache.bump_generation()
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "MISS"


def test_a_page_rendered_after_a_scope_bump_reads_the_primary(rf, settings):
    # newsday.router reads the replica only once the last change this page
    # depends on is older than REPLICA_LAG_SECONDS.
    article = make_article()
    pagecache.bump_scope(f"article:{article.slug}")
    seen = {}

    def view(request):
        seen["generation"] = request.page_cache_generation
        return HttpResponse("page")

    pagecache.PageCacheMiddleware(view)(rf.get(article.get_absolute_url()))
    scope = pagecache.cache().get(pagecache.scope_key(f"article:{article.slug}"))
    assert seen["generation"] == scope
    assert pagecache.generation_age(seen["generation"]) < settings.REPLICA_LAG_SECONDS
