import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.db import LooseIndexScan, loose_index_scan
from articles.models import LAST_CHANGE, PUBLICATION_MONTH, Article
from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="LATERAL, skip scan"),
]

MONTHS = {"key": PUBLICATION_MONTH, "latest": LAST_CHANGE}
OCTOBER = dt.datetime(2026, 10, 15, 12, tzinfo=dt.UTC)
NOVEMBER = dt.datetime(2026, 11, 15, 12, tzinfo=dt.UTC)


class CountedBuild:
    """``published(at)``, counting its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, at):
        self.calls += 1
        return Article.objects.published(at)


def sent_sql(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    assert len(queries) == 1
    return queries[0]["sql"]


def test_compiled_scan_is_built_once_and_reads_each_call_at_its_moment():
    make_article(publish_at=dt.datetime(2026, 10, 3, tzinfo=dt.UTC))
    make_article(publish_at=dt.datetime(2026, 11, 3, tzinfo=dt.UTC))
    build = CountedBuild()
    scan = LooseIndexScan(build, **MONTHS)
    assert len(scan(NOVEMBER, using="default")) == 2
    assert len(scan(OCTOBER, using="default")) == 1
    assert build.calls == 1


def test_compiled_scan_sends_the_sql_of_the_scan_built_at_its_moment():
    # The moment written as a literal, not bound: the probes need it.
    scan = LooseIndexScan(Article.objects.published, **MONTHS, start=["-publish_at"])
    scan(OCTOBER, using="default")
    compiled = sent_sql(lambda: scan(NOVEMBER, using="default"))
    built = sent_sql(
        lambda: loose_index_scan(
            Article.objects.published(NOVEMBER), **MONTHS, start=["-publish_at"]
        )
    )
    assert compiled == built
    assert "2026-11-15" in compiled
    assert "2999-01-01" not in compiled
