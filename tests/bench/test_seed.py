import io

import pytest
from taggit.models import TaggedItem

from articles.models import Article, ArticleAuthor, RelatedLink
from bench.seed import seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    seed(40, out=io.StringIO())
    return Article.objects.filter(external_id__startswith="bench:")


def test_seed_creates_the_requested_number_of_articles(seeded):
    assert seeded.count() == 40


def test_seeded_bodies_are_sanitised_html_with_intertitres(seeded):
    article = seeded.first()
    assert article.body.count("<h2>") == 2
    assert "<script" not in article.body


def test_seeded_articles_have_a_word_count_like_real_stories(seeded):
    counts = list(seeded.values_list("word_count", flat=True))
    assert min(counts) > 150
    assert max(counts) < 1500


def test_seeded_articles_have_authors_tags_and_related_links(seeded):
    ids = list(seeded.values_list("id", flat=True))
    assert ArticleAuthor.objects.filter(article_id__in=ids).count() >= 40
    assert TaggedItem.objects.filter(object_id__in=ids).count() >= 120
    assert RelatedLink.objects.filter(article_id__in=ids).exists()


def test_most_seeded_articles_are_visible_to_readers(seeded):
    assert seeded.published().count() >= 30


def test_seeding_again_adds_only_what_is_missing(seeded):
    assert seed(40, out=io.StringIO()) == 0
    assert seed(45, out=io.StringIO()) == 5
    assert seeded.count() == 45
