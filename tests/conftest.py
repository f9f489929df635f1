import pytest
from django.core.cache import cache

from articles import process_copy, scheduling
from newsday import pagecache


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a value cached by an earlier test
    (the next scheduled change, a page) must not change what a test counts."""
    cache.clear()
    pagecache.local.clear()
    scheduling.forget_next_change()
    process_copy.forget_all()
