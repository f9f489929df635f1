"""The article list's filters."""

import pytest

from articles.models import Article
from core.adminpages import admin_url

pytestmark = pytest.mark.django_db


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
