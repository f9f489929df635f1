import pytest
from django.urls import reverse

from tests.forms import form_data


@pytest.fixture
def change_url():
    """``change_url(article)``: the address of the article's edit page."""
    return lambda article: reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def save_in_admin(change_url):
    """``save_in_admin(client, article, **changes)``: the article's edit form
    sent as the browser shows it, with ``changes``; the save must succeed."""

    def save(client, article, **changes):
        url = change_url(article)
        response = client.post(url, form_data(client.get(url)) | changes)
        assert response.status_code == 302, response.content.decode()[:3000]
        return response

    return save
