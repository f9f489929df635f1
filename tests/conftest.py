import pytest
from django.core.cache import cache

from newsday import pagecache


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a value cached by an earlier test
    (the sitemap index, a page) must not change what a test counts."""
    cache.clear()
    pagecache.local.clear()
