"""The author admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_author_autocomplete_answers(superuser_client, article):
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "articleauthor",
            "field_name": "author",
            "term": article.authors.get().name[:4],
        },
    )
    assert response.status_code == 200
    assert response.json()["results"]
