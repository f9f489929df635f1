"""A deleted article's addresses answer 410 « Cet article a été supprimé »:
in the trash, and after the trash is emptied."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, ArticleRedirect
from articles.services.deletion import article_delete_for_good
from articles.services.trash import article_restore_from_trash, article_trash
from tests.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "a@exemple.fr", "x")


def trash(article):
    article_trash(article=article, user=make_editor(), reason="Erreur.")
    return article


def test_a_trashed_articles_address_answers_410(client):
    article = trash(make_article())
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert "Cet article a été supprimé" in response.text


def test_the_410_page_has_the_site_layout_and_a_search(client):
    article = trash(make_article())
    response = client.get(article.get_absolute_url())
    assert 'class="error-page"' in response.text
    assert 'id="q-410"' in response.text


def test_a_trashed_articles_short_link_answers_410(client):
    article = trash(make_article())
    assert client.get(f"/articles/{article.pk}/").status_code == 410


def test_a_trashed_articles_old_address_answers_410(client):
    article = make_article()
    ArticleRedirect.objects.create(old_path="/2019/05/ancien-titre/", article=article)
    trash(article)
    assert client.get("/2019/05/ancien-titre/").status_code == 410


def test_an_emptied_articles_address_still_answers_410(client, admin_user):
    article = trash(make_article())
    path = article.get_absolute_url()
    article_delete_for_good(article=article, user=admin_user)
    assert client.get(path).status_code == 410
    assert client.get(f"/articles/{article.pk}/").status_code == 410


def test_an_address_that_never_was_stays_404(client):
    make_article()
    section = Article.objects.get().section.slug
    assert client.get(f"/{section}/2024/01/01/jamais-vu/").status_code == 404
    assert client.get("/articles/999999/").status_code == 404


def test_a_restored_article_is_404_until_published_again(client):
    article = trash(make_article())
    article_restore_from_trash(article=article, user=make_editor())
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_page_cache_drops_a_trashed_article_at_once(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_CHECK = 0
    article = make_article()
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        trash(article)
    assert client.get(url).status_code == 410


def test_a_published_articles_page_pays_nothing_for_the_trash(client):
    article = make_article()
    url = article.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "'trashed'" not in sql
    assert "auditevent" not in sql


def test_shared_caches_may_keep_the_410_as_briefly_as_a_404(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    article = trash(make_article())
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert response["Cache-Control"] == "public, max-age=30, s-maxage=30"
