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


def test_published_excludes_article_at_its_unpublish_time():
    make_article(publish_at=T, unpublish_at=T + dt.timedelta(hours=1))
    assert not Article.objects.published(at=T + dt.timedelta(hours=1)).exists()


def test_next_visibility_change_is_the_nearest_publish_or_unpublish_time():
    make_article(status=Article.Status.SCHEDULED, publish_at=T + dt.timedelta(hours=2))
    make_article(
        publish_at=T - dt.timedelta(days=1), unpublish_at=T + dt.timedelta(hours=1)
    )
    assert Article.objects.next_visibility_change(after=T) == T + dt.timedelta(hours=1)
