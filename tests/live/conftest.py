import pytest

from tests.factories import make_entry, make_live, make_section
from tests.newsday.conftest import page_cache  # noqa: F401  (reused here)


@pytest.fixture
def live():
    return make_live(
        title="Tempête Ciaran : suivez la situation en direct",
        slug="tempete-en-direct",
        section=make_section(name="Société", slug="societe"),
    )


@pytest.fixture
def entry_of(live):
    """``entry_of(user, **fields)``: an entry of ``live`` posted by ``user``."""

    def make(user, **fields):
        return make_entry(
            live, created_by=user, author=getattr(user, "author", None), **fields
        )

    return make
