"""Request counters: one statement per request with the database cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import RateCounter
from api.ratelimit import count_in_cache, count_in_database
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_an_article_costs_four_queries_with_the_database_cache(client, database_cache):
    article = make_article()
    client.get(f"/api/v1/articles/{article.pk}")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/articles/{article.pk}")

    assert response.status_code == 200
    # The counter, the article, « À lire aussi », the next scheduled change.
    assert len(queries) == 4
    assert sum("api_ratecounter" in q["sql"] for q in queries) == 1


def test_the_database_cache_limits_anonymous_readers(client, settings, database_cache):
    settings.API_ANONYMOUS_RATE_LIMIT = 2

    statuses = [client.get("/api/v1/rubriques").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_a_database_counter_counts_within_its_window():
    hits = [count_in_database("ip:10.0.0.1", start=600, window=60) for _ in range(3)]

    assert hits == [1, 2, 3]


def test_a_database_counter_starts_again_in_the_next_window():
    count_in_database("ip:10.0.0.1", start=600, window=60)
    count_in_database("ip:10.0.0.1", start=600, window=60)

    assert count_in_database("ip:10.0.0.1", start=660, window=60) == 1


def test_clients_apart_are_counted_apart():
    count_in_database("ip:10.0.0.1", start=600, window=60)

    assert count_in_database("ip:10.0.0.2", start=600, window=60) == 1


def test_counters_of_clients_gone_quiet_are_removed():
    count_in_database("ip:10.0.0.1", start=600, window=60)

    count_in_database("ip:10.0.0.2", start=720, window=60)

    assert list(RateCounter.objects.values_list("who", flat=True)) == ["ip:10.0.0.2"]


def test_a_cache_counter_counts_within_its_window():
    hits = [count_in_cache("ip:10.0.0.1", start=600, window=60) for _ in range(3)]

    assert hits == [1, 2, 3]
