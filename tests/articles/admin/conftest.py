import pytest
from django.urls import reverse

from tests.factories import make_full_article


@pytest.fixture
def article():
    """A published article with an author, tags, a hero image and a link."""
    return make_full_article()


@pytest.fixture
def workflow_url():
    """``workflow_url(article, action)``: the page of a workflow button
    (« publier », « programmer », « soumettre »…)."""
    return lambda article, action: reverse(
        "admin:articles_article_workflow", args=[article.pk, action]
    )
