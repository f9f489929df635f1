import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, ArticleAuthor, RelatedLink
from tests.factories import make_article, make_author, make_correction, make_section

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


def test_unpublished_article_is_never_visible():
    make_article(status=Article.Status.UNPUBLISHED, publish_at=T)
    assert not Article.objects.published(at=T + dt.timedelta(days=1)).exists()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unfinished_article_is_not_visible_even_with_a_past_date(status):
    make_article(status=status, publish_at=T)
    assert not Article.objects.published(at=T + dt.timedelta(days=1)).exists()


def test_article_is_visible_one_second_before_its_unpublish_time():
    article = make_article(publish_at=T, unpublish_at=T + dt.timedelta(hours=1))
    at = T + dt.timedelta(hours=1) - dt.timedelta(seconds=1)
    assert list(Article.objects.published(at=at)) == [article]


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


def test_a_section_cannot_take_a_slug_the_site_uses():
    section = make_section(slug="recherche")
    with pytest.raises(ValidationError, match="réservé"):
        section.full_clean()


def test_word_count_and_reading_time_follow_the_body():
    article = make_article(body="<p>" + "mot " * 460 + "</p>")
    assert (article.word_count, article.reading_time) == (460, 2)


def test_unique_slug_appends_a_number_when_taken():
    make_article(slug="greve-a-la-sncf")
    assert Article.objects.unique_slug("Grève à la SNCF") == "greve-a-la-sncf-2"


def test_url_carries_section_and_paris_date():
    # 23:30 UTC on 1 March is already 2 March in Paris.
    at = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    article = make_article(
        slug="nuit", publish_at=at, section=make_section(slug="monde")
    )
    assert article.get_absolute_url() == "/monde/2026/03/02/nuit/"


def test_publication_problems_name_what_is_missing():
    article = make_article(status=Article.Status.DRAFT, publish_at=None, body="")
    assert article.publication_problems() == ["Le texte de l’article est vide."]


def test_a_correction_is_named_by_its_french_date():
    correction = make_correction(
        make_article(), created_at=timezone.make_aware(dt.datetime(2024, 11, 1, 9))
    )
    assert str(correction) == "Rectificatif du 1er novembre 2024"


def test_count_up_to_stops_one_past_the_limit():
    for _ in range(4):
        make_article()
    assert Article.objects.published().count_up_to(2) == 3
    assert Article.objects.published().count_up_to(10) == 4
