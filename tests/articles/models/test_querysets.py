"""What readers may see, and the queries every reader surface shares."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_scheduled_article

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 3, 2, 7, 0, 0))
SECOND = dt.timedelta(seconds=1)


# --- Visibility -----------------------------------------------------------------


def test_scheduled_article_is_hidden_one_second_before_publish_time():
    make_article(status=Article.Status.SCHEDULED, publish_at=T)
    assert not Article.objects.published(at=T - dt.timedelta(seconds=1)).exists()


def test_scheduled_article_is_visible_at_publish_time():
    article = make_article(status=Article.Status.SCHEDULED, publish_at=T)
    assert list(Article.objects.published(at=T)) == [article]


def test_published_excludes_article_at_its_unpublish_time():
    make_article(publish_at=T, unpublish_at=T + dt.timedelta(hours=1))
    assert not Article.objects.published(at=T + dt.timedelta(hours=1)).exists()


def test_article_is_visible_one_second_before_its_unpublish_time():
    article = make_article(publish_at=T, unpublish_at=T + dt.timedelta(hours=1))
    at = T + dt.timedelta(hours=1) - dt.timedelta(seconds=1)
    assert list(Article.objects.published(at=at)) == [article]


def test_unpublished_article_is_never_visible():
    make_article(status=Article.Status.UNPUBLISHED, publish_at=T)
    assert not Article.objects.published(at=T + dt.timedelta(days=1)).exists()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unfinished_article_is_not_visible_even_with_a_past_date(status):
    make_article(status=status, publish_at=T)
    assert not Article.objects.published(at=T + dt.timedelta(days=1)).exists()


# --- The next change of what readers see ----------------------------------------


def test_next_visibility_change_is_the_nearest_publish_or_unpublish_time():
    make_article(status=Article.Status.SCHEDULED, publish_at=T + dt.timedelta(hours=2))
    make_article(
        publish_at=T - dt.timedelta(days=1), unpublish_at=T + dt.timedelta(hours=1)
    )
    assert Article.objects.next_visibility_change(after=T) == T + dt.timedelta(hours=1)


def test_next_visibility_change_includes_the_end_of_a_breaking_news_banner():
    make_article(is_breaking=True, publish_at=T - dt.timedelta(hours=1))
    make_article(status=Article.Status.SCHEDULED, publish_at=T + dt.timedelta(days=1))
    assert Article.objects.next_visibility_change(after=T) == T + dt.timedelta(hours=5)


def test_next_visibility_change_ignores_a_banner_already_ended():
    make_article(is_breaking=True, publish_at=T - dt.timedelta(hours=7))
    assert Article.objects.next_visibility_change(after=T) is None


def test_next_visibility_change_ignores_drafts_and_past_times():
    make_article(status=Article.Status.DRAFT, publish_at=T + dt.timedelta(hours=1))
    make_article(publish_at=T - dt.timedelta(hours=1))
    make_article(
        publish_at=T - dt.timedelta(days=2), unpublish_at=T - dt.timedelta(days=1)
    )
    assert Article.objects.next_visibility_change(after=T) is None


def test_next_visibility_change_of_an_empty_archive_is_none():
    assert Article.objects.next_visibility_change(after=T) is None


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
def test_next_visibility_change_reads_three_indexes_not_the_archive():
    make_article(status=Article.Status.SCHEDULED, publish_at=T + dt.timedelta(hours=2))
    with CaptureQueriesContext(connection) as queries:
        Article.objects.next_visibility_change(after=T)
    with connection.cursor() as cursor:
        # A table this small would be read whole: price that out, and see
        # that each probe can be served by the first entry of an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN (COSTS OFF) " + queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_pub_idx" in plan
    assert "article_unpublish_idx" in plan
    assert "scheduledchange_pending_idx" in plan
    assert "article_breaking_pub_idx" in plan
    assert "Aggregate" not in plan


def test_next_visibility_change_is_one_query(db, django_assert_num_queries):
    make_scheduled_article(T)
    with django_assert_num_queries(1):
        Article.objects.next_visibility_change(after=T - SECOND)


# --- Slugs, counts, months ------------------------------------------------------


def test_unique_slug_appends_a_number_when_taken():
    make_article(slug="greve-a-la-sncf")
    assert Article.objects.unique_slug("Grève à la SNCF") == "greve-a-la-sncf-2"


def test_count_up_to_stops_one_past_the_limit():
    for _ in range(4):
        make_article()
    assert Article.objects.published().count_up_to(2) == 3
    assert Article.objects.published().count_up_to(10) == 4


def months_fixture():
    """Live articles over three months (one updated later, one at a month's
    Paris boundary) and hidden ones around them; it is T + 40 days."""
    utc = dt.UTC
    make_article(publish_at=dt.datetime(2026, 1, 10, 8, tzinfo=utc))
    make_article(
        publish_at=dt.datetime(2026, 1, 20, 8, tzinfo=utc),
        updated_at=dt.datetime(2026, 2, 5, 8, tzinfo=utc),
    )
    # 1 March 00:30 in Paris.
    make_article(publish_at=dt.datetime(2026, 2, 28, 23, 30, tzinfo=utc))
    make_article(publish_at=dt.datetime(2026, 3, 20, 8, tzinfo=utc))
    make_article(
        status=Article.Status.UNPUBLISHED,
        publish_at=dt.datetime(2026, 3, 25, 8, tzinfo=utc),
        updated_at=dt.datetime(2026, 4, 1, 8, tzinfo=utc),
    )
    make_article(
        publish_at=dt.datetime(2025, 12, 1, 8, tzinfo=utc),
        unpublish_at=dt.datetime(2025, 12, 2, 8, tzinfo=utc),
    )
    make_article(
        status=Article.Status.SCHEDULED,
        publish_at=dt.datetime(2026, 4, 20, 8, tzinfo=utc),
    )
    return T + dt.timedelta(days=40)


def test_months_are_paris_months_of_live_articles_with_their_last_change():
    now = months_fixture()
    paris = timezone.get_default_timezone()
    assert Article.objects.published_months(at=now) == [
        (
            dt.datetime(2026, 3, 1, tzinfo=paris),
            dt.datetime(2026, 3, 20, 8, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2026, 1, 1, tzinfo=paris),
            dt.datetime(2026, 2, 5, 8, tzinfo=dt.UTC),
        ),
    ]


def test_months_are_read_at_each_call_time_in_one_query(django_assert_num_queries):
    now = months_fixture()
    paris = timezone.get_default_timezone()
    with django_assert_num_queries(1):
        assert len(Article.objects.published_months(at=now)) == 2
    # Before the second January article and the later ones went live.
    with django_assert_num_queries(1):
        assert Article.objects.published_months(at=T - dt.timedelta(days=45)) == [
            (
                dt.datetime(2026, 1, 1, tzinfo=paris),
                dt.datetime(2026, 1, 10, 8, tzinfo=dt.UTC),
            )
        ]
