"""The articles app's periodic jobs."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from articles.services.trash import article_trash
from articles.tasks import purge_trash
from jobs.periodic import discover
from tests.factories import make_draft, make_editor

pytestmark = pytest.mark.django_db


def test_the_trash_is_purged_every_hour():
    assert discover()["articles.tasks.purge_trash"].every == dt.timedelta(hours=1)


def test_the_purge_deletes_what_has_been_in_the_trash_30_days():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        article = make_draft()
        article_trash(article=article, user=make_editor())
    with time_machine.travel(start + dt.timedelta(days=30, minutes=1), tick=False):
        assert purge_trash.call() == 1
    assert not Article.objects.filter(pk=article.pk).exists()
