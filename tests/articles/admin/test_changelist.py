"""The article list's count: exact on SQLite and for short lists, the
planner's estimate for long lists on PostgreSQL, exact for searches."""

import pytest
from django.db import connection

from articles.admin import changelist
from articles.admin.changelist import ArticlePaginator, planner_estimate
from articles.models import Article
from core.adminpages import admin_url
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


@pytest.fixture
def planner_expects(monkeypatch):
    """``planner_expects(n)``: the planner's estimate is ``n`` rows."""
    return lambda rows: monkeypatch.setattr(
        changelist, "planner_estimate", lambda queryset: rows
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's count")
def test_on_sqlite_the_count_is_exact():
    make_article()
    make_article()
    paginator = ArticlePaginator(Article.objects.all(), 50, may_estimate=True)
    assert paginator.count == 2
    assert paginator.count_label == ""
    assert planner_estimate(Article.objects.all()) is None


def test_a_long_list_shows_the_planners_estimate_rounded(
    superuser_client, planner_expects
):
    make_article()
    planner_expects(97_123)
    response = superuser_client.get(admin_url(Article, "changelist"))
    assert response.context["cl"].result_count == 97_000
    assert f"environ 97{NNBSP}000 articles" in response.text


def test_a_short_list_is_counted_exactly(superuser_client, planner_expects):
    make_article()
    planner_expects(9_999)
    response = superuser_client.get(admin_url(Article, "changelist"))
    assert response.context["cl"].result_count == 1
    assert "environ" not in response.text


def test_a_search_is_counted_not_estimated(superuser_client, planner_expects):
    make_article(title="Le gouvernement démissionne")
    planner_expects(50_000)
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"q": "gouvernement"}
    )
    assert response.context["cl"].result_count == 1


def test_the_autocompletes_search_is_counted_not_estimated(
    superuser_client, planner_expects
):
    from django.urls import reverse

    make_article(title="Le gouvernement démissionne")
    planner_expects(50_000)
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": "gouvernement",
        },
    )
    assert response.json()["pagination"] == {"more": False}


def test_a_filter_on_the_articles_own_columns_may_be_estimated(
    superuser_client, planner_expects
):
    make_article()
    planner_expects(97_123)
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"status__exact": "published", "o": "1"}
    )
    assert response.context["cl"].result_count == 97_000


def test_mes_articles_is_counted_not_estimated(superuser_client, planner_expects):
    make_article()
    planner_expects(50_000)
    response = superuser_client.get(admin_url(Article, "changelist"), {"mes": "1"})
    assert response.context["cl"].result_count == 0


def test_a_journalists_list_is_counted_not_estimated(
    as_journalist, own_draft, planner_expects
):
    planner_expects(50_000)
    response = as_journalist.get(admin_url(Article, "changelist"))
    assert response.context["cl"].result_count == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_on_postgresql_the_planner_gives_a_row_estimate():
    make_article()
    assert isinstance(planner_estimate(Article.objects.all()), int)


def test_an_exact_count_reads_in_french(superuser_client):
    response = superuser_client.get(admin_url(Article, "changelist"))
    assert "0 article\n" in response.text
    make_article()
    make_article()
    response = superuser_client.get(admin_url(Article, "changelist"))
    assert "2 articles\n" in response.text
