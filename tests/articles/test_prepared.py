"""PreparedQuery: SQL compiled once, rerun with new values."""

from datetime import timedelta

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.prepared import Many, PreparedQuery
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _live_by_slug():
    return PreparedQuery(
        lambda now, slug: (
            Article.objects.published(now).select_related("section").filter(slug=slug)
        ),
        now=models.DateTimeField(),
        slug=models.SlugField(),
    )


def test_each_call_takes_its_own_values():
    first = make_article(slug="premier")
    second = make_article(slug="second")
    query = _live_by_slug()
    now = timezone.now()
    assert query(now=now, slug="premier") == [first]
    assert query(now=now, slug="second") == [second]
    assert query(now=now, slug="absent") == []


def test_the_time_is_a_value_too():
    article = make_article(
        slug="demain", publish_at=timezone.now() + timedelta(hours=1)
    )
    query = _live_by_slug()
    assert query(now=timezone.now(), slug="demain") == []
    assert query(now=timezone.now() + timedelta(hours=2), slug="demain") == [article]


def test_rows_come_with_their_select_related_and_one_query():
    make_article(slug="rubrique")
    query = _live_by_slug()
    query(now=timezone.now(), slug="rubrique")  # compiles
    with CaptureQueriesContext(connection) as queries:
        (found,) = query(now=timezone.now(), slug="rubrique")
        assert found.section.name
    assert len(queries) == 1


def test_many_pads_and_cuts_lists():
    articles = [make_article() for _ in range(4)]
    query = PreparedQuery(
        lambda ids: Article.objects.filter(pk__in=ids).order_by("pk"),
        ids=Many(models.BigIntegerField(), size=3, padding=0),
    )
    assert query(ids=[]) == []
    assert query(ids=[articles[1].pk]) == [articles[1]]
    assert query(ids=[a.pk for a in articles]) == articles[:3]


def test_a_parameter_the_sql_ignores_is_refused():
    query = PreparedQuery(lambda slug: Article.objects.all(), slug=models.SlugField())
    with pytest.raises(ValueError, match="does not reach the SQL"):
        query(slug="x")
