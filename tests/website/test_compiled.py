import datetime as dt

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section
from website.compiled import CompiledQuery, Many, attach_section, with_section

pytestmark = pytest.mark.django_db


def by_slug():
    return CompiledQuery(
        lambda now, slug: with_section(Article.objects.published(now)).filter(
            slug=slug
        ),
        now=models.DateTimeField(),
        slug=models.SlugField(),
    )


def test_a_compiled_query_finds_what_its_queryset_finds_with_each_call_values():
    query = by_slug()
    first = make_article(slug="premier")
    second = make_article(slug="second")
    now = timezone.now()
    assert [a.pk for a in query(now=now, slug="premier")] == [first.pk]
    assert [a.pk for a in query(now=now, slug="second")] == [second.pk]
    assert query(now=now, slug="absent") == []


def test_a_compiled_query_applies_the_rule_of_its_queryset_at_the_moment_given():
    query = by_slug()
    now = timezone.now()
    make_article(slug="plus-tard", status="scheduled", publish_at=now + dt.timedelta(1))
    assert query(now=now, slug="plus-tard") == []
    assert len(query(now=now + dt.timedelta(days=2), slug="plus-tard")) == 1


def test_a_compiled_query_is_compiled_once_and_then_runs_alone():
    query = by_slug()
    make_article(slug="un-titre")
    query(now=timezone.now(), slug="un-titre")
    with CaptureQueriesContext(connection) as queries:
        query(now=timezone.now(), slug="un-titre")
    assert len(queries) == 1


def test_rows_come_back_as_instances_with_converted_values_and_their_section():
    section = make_section(name="Économie")
    article = make_article(section=section, slug="converti")
    (found,) = by_slug()(now=timezone.now(), slug="converti")
    assert found.publish_at == article.publish_at
    assert timezone.is_aware(found.publish_at)
    assert attach_section(found).section.name == "Économie"
    assert found.get_absolute_url() == article.get_absolute_url()


def test_a_list_parameter_is_padded_and_cut_to_one_shape():
    articles = [make_article() for _ in range(3)]
    query = CompiledQuery(
        lambda ids: Article.objects.filter(pk__in=ids),
        ids=Many(models.BigIntegerField(), size=2, padding=0),
    )
    assert {a.pk for a in query(ids=[articles[0].pk])} == {articles[0].pk}
    found = query(ids=[a.pk for a in articles])
    assert {a.pk for a in found} == {articles[0].pk, articles[1].pk}


def test_a_query_without_parameters_is_compiled_too():
    make_section(name="Sport")
    query = CompiledQuery(lambda: Article.section.field.related_model.objects.all())
    assert "Sport" in [section.name for section in query()]


def test_a_parameter_that_does_not_reach_the_sql_is_refused():
    make_article()
    query = CompiledQuery(lambda now: Article.objects.all(), now=models.DateTimeField())
    with pytest.raises(ValueError, match="no SQL was captured"):
        query(now=timezone.now())


def test_rows_come_back_as_tuples_with_aware_datetimes():
    article = make_article(slug="en-lignes")
    query = CompiledQuery(
        lambda slug: Article.objects.filter(slug=slug).values_list("pk", "publish_at"),
        slug=models.SlugField(),
    )
    assert query.rows(slug="en-lignes") == [(article.pk, article.publish_at)]
    ((_, published),) = query.rows(slug="en-lignes")
    assert timezone.is_aware(published)


def generic_by_slug():
    return CompiledQuery(
        lambda now, slug: with_section(Article.objects.published(now)).filter(
            slug=slug
        ),
        generic_plan=True,
        now=models.DateTimeField(),
        slug=models.SlugField(),
    )


def test_a_query_asked_for_a_generic_plan_finds_the_same_rows():
    article = make_article(slug="generique")
    found = generic_by_slug()(now=timezone.now(), slug="generique")
    assert [a.pk for a in found] == [article.pk]
    assert generic_by_slug().rows(now=timezone.now(), slug="absent") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_on_postgresql_a_generic_plan_is_set_for_the_statement_alone():
    query = generic_by_slug()
    make_article(slug="generique")
    query(now=timezone.now(), slug="generique")
    with CaptureQueriesContext(connection) as queries:
        query(now=timezone.now(), slug="generique")
    statements = [q["sql"] for q in queries]
    assert any("force_generic_plan" in sql for sql in statements)
    # SET LOCAL: the setting ends with the statement's transaction.
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "auto"


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="SQLite has no plans to keep"
)
def test_elsewhere_a_generic_plan_costs_no_statement():
    query = generic_by_slug()
    make_article(slug="generique")
    query(now=timezone.now(), slug="generique")
    with CaptureQueriesContext(connection) as queries:
        query(now=timezone.now(), slug="generique")
    assert len(queries) == 1
