import pytest
from django.core.cache import cache

from newsday import pagecache


@pytest.fixture
def page_cache(settings):
    """The page cache on, empty, with the generation re-read on every request."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_CHECK = 0
    cache.clear()
    pagecache.local.clear()
    yield
    cache.clear()
    pagecache.local.clear()


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = "tests.newsday.urls"
