"""The article: its rules, its address, its reading time."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 3, 2, 7, 0, 0))


def test_a_live_article_needs_a_publish_date():
    with pytest.raises(IntegrityError):
        make_article(status=Article.Status.PUBLISHED, publish_at=None)


def test_unpublish_date_must_follow_publish_date():
    with pytest.raises(IntegrityError):
        make_article(publish_at=T, unpublish_at=T - dt.timedelta(minutes=1))


def test_full_clean_explains_a_missing_publish_date_in_french():
    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    article.status = Article.Status.SCHEDULED
    with pytest.raises(ValidationError, match="doit avoir une date de publication"):
        article.full_clean()


def test_word_count_and_reading_time_follow_the_body():
    article = make_article(body="<p>" + "mot " * 460 + "</p>")
    assert (article.word_count, article.reading_time) == (460, 2)


def test_url_carries_section_and_paris_date():
    # 23:30 UTC on 1 March is already 2 March in Paris.
    at = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    article = make_article(
        slug="nuit", publish_at=at, section=make_section(slug="monde")
    )
    assert article.get_absolute_url() == "/monde/2026/03/02/nuit/"


def test_an_article_url_carries_its_paris_date_whatever_time_zone_is_active():
    article = make_article(
        slug="reveillon", publish_at=dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC)
    )
    with timezone.override("America/New_York"):
        assert "/2025/01/01/reveillon/" in article.get_absolute_url()


def test_the_body_editor_offers_code_blocks_and_tables():
    from articles.models import Article

    extensions = Article._meta.get_field("body").formfield().widget.config["extensions"]
    assert {"CodeBlock", "Code", "Table", "TableHeader"} <= set(extensions)
