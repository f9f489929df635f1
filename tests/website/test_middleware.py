import pytest

from articles.models import Article, ArticleRedirect
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_old_path_of_a_published_article_redirects_permanently(client):
    article = make_article()
    ArticleRedirect.objects.create(old_path="/2019/05/ancien-titre/", article=article)
    response = client.get("/2019/05/ancien-titre/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_wordpress_short_link_redirects_to_the_article(client):
    article = make_article()
    ArticleRedirect.objects.create(old_path="/?p=42", article=article)
    response = client.get("/", {"p": "42"})
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_wordpress_short_link_to_no_article_redirects_to_the_home_page(client):
    make_article()
    response = client.get("/", {"p": "999999"})
    assert response.status_code == 301
    assert response["Location"] == "/"


def test_old_path_of_a_draft_stays_not_found(client):
    draft = make_article(status=Article.Status.DRAFT, publish_at=None)
    ArticleRedirect.objects.create(old_path="/brouillon-ancien/", article=draft)
    assert client.get("/brouillon-ancien/").status_code == 404
