"""The article's edit page: what it shows, and its single save path."""

import pytest

from articles.models import ArticleRedirect
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


# --- A changed address answers 301 -----------------------------------------------


def test_old_url_answers_301_after_slug_change_in_admin(save_in_admin, admin_client):
    article = make_article(slug="ancien-titre")
    old_url = article.get_absolute_url()
    save_in_admin(admin_client, article, slug="nouveau-titre")
    article.refresh_from_db()
    response = admin_client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_changing_section_in_admin_records_the_old_url(save_in_admin, admin_client):
    article = make_article()
    old_url = article.get_absolute_url()
    save_in_admin(admin_client, article, section=str(make_section().pk))
    assert ArticleRedirect.objects.filter(old_path=old_url, article=article).exists()
