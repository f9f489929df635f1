import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 3, 2, 7, 0, 0))


def test_scheduled_article_is_hidden_one_second_before_publish_time():
    make_article(status=Article.Status.SCHEDULED, publish_at=T)
    assert not Article.objects.published(at=T - dt.timedelta(seconds=1)).exists()


def test_scheduled_article_is_visible_at_publish_time():
    article = make_article(status=Article.Status.SCHEDULED, publish_at=T)
    assert list(Article.objects.published(at=T)) == [article]
