"""What every service checks before it writes."""

import pytest

from articles.models import Article
from articles.services.checks import publication_problems
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_publication_problems_name_what_is_missing():
    article = make_article(status=Article.Status.DRAFT, publish_at=None, body="")
    assert publication_problems(article) == ["Le texte de l’article est vide."]
