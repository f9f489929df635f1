"""Which page a request asks for (newsday/pageidentity.py): the scope a
view names for its pages."""

import pytest
from django.urls import get_resolver

from newsday.pageidentity import read_view
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_an_article_page_is_scoped_by_its_slug():
    article = make_article(slug="une-adresse")
    resolver = get_resolver()
    assert read_view(resolver, article.get_absolute_url())[1] == ("article:une-adresse")
    assert read_view(resolver, "/")[1] is None


def test_a_subclass_routed_without_the_scopes_argument_has_no_scope():
    # The preview of an article, by id: its view inherits the pattern.
    assert read_view(get_resolver(), "/preview/article/1/")[1] is None
