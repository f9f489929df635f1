"""Bylines, « À lire aussi » links and corrections."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import ArticleAuthor, RelatedLink
from tests.factories import make_article, make_author, make_correction

pytestmark = pytest.mark.django_db


def test_related_link_needs_either_an_article_or_an_external_address():
    article = make_article()
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(article=article, title="Sans cible")


def test_related_link_cannot_have_both_an_article_and_an_address():
    article, other = make_article(), make_article()
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(
            article=article, target=other, url="https://exemple.fr/"
        )


def test_external_related_link_needs_a_title():
    article = make_article()
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(article=article, url="https://exemple.fr/")


def test_an_article_cannot_be_related_to_itself():
    article = make_article()
    with pytest.raises(IntegrityError):
        RelatedLink.objects.create(article=article, target=article)


def test_an_author_signs_an_article_once():
    author = make_author()
    article = make_article(authors=[author])
    with pytest.raises(IntegrityError):
        ArticleAuthor.objects.create(article=article, author=author, position=1)


def test_bylines_keep_their_order():
    first, second = make_author(name="Zoé Martin"), make_author(name="Adrien Bel")
    article = make_article(authors=[first, second])
    assert [b.author for b in article.bylines.all()] == [first, second]


def test_a_correction_is_named_by_its_french_date():
    correction = make_correction(
        make_article(), created_at=timezone.make_aware(dt.datetime(2024, 11, 1, 9))
    )
    assert str(correction) == "Rectificatif du 1er novembre 2024"
