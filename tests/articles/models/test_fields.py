"""The article body's field sanitises what it stores, however it is saved."""

import pytest

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_body_is_sanitised_when_an_article_is_saved():
    article = make_article(
        body='<p onmouseover="x()">Texte</p><script>alert(1)</script>'
    )
    article.refresh_from_db()
    assert article.body == "<p>Texte</p>"


def test_body_is_sanitised_by_bulk_create():
    section = make_section()
    Article.objects.bulk_create(
        [
            Article(
                title="T", slug="t", section=section, body="<p>ok</p><script>x</script>"
            )
        ]
    )
    assert Article.objects.get().body == "<p>ok</p>"
