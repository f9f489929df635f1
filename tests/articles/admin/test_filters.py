"""The article list's filters."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from core.adminpages import admin_url
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def paris(*args):
    return timezone.make_aware(dt.datetime(*args))


def test_article_changelist_filters_by_section_status_and_author(
    superuser_client, article
):
    author = article.authors.get()
    url = admin_url(Article, "changelist")
    response = superuser_client.get(
        url,
        {
            "section__id__exact": article.section_id,
            "status__exact": "published",
            "authors__id__exact": author.pk,
        },
    )
    assert list(response.context["cl"].result_list) == [article]


def test_article_list_filters_by_author_under_a_singular_title(
    superuser_client, article
):
    response = superuser_client.get(admin_url(Article, "changelist"))
    titles = [spec.title for spec in response.context["cl"].filter_specs]
    assert "auteur" in titles
    assert b"Sans signature" in response.content


def test_year_filter_offers_every_year_from_the_oldest_article_to_the_newest(
    superuser_client,
):
    make_article(publish_at=paris(2021, 5, 1))
    make_article(publish_at=paris(2024, 5, 1))
    response = superuser_client.get(admin_url(Article, "changelist"))
    (years,) = [
        spec
        for spec in response.context["cl"].filter_specs
        if spec.title == "année de publication"
    ]
    assert [value for value, _ in years.lookup_choices] == [
        "2024",
        "2023",
        "2022",
        "2021",
    ]


def test_year_filter_keeps_the_years_articles_in_paris_time(superuser_client):
    new_years_eve = make_article(publish_at=paris(2024, 12, 31, 23, 30))
    make_article(publish_at=paris(2025, 1, 1, 0, 30))
    response = superuser_client.get(admin_url(Article, "changelist"), {"annee": "2024"})
    assert list(response.context["cl"].result_list) == [new_years_eve]


def test_year_filter_ignores_a_year_that_is_not_one(superuser_client):
    make_article()
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"annee": "99999"}
    )
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1
