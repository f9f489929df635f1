"""The articles that use library images, and what their images stop from
going live."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.image_usage import ArticleUsage, image_publication_problems
from articles.models import Article
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def figure(image_pk):
    return f'<p>Texte.</p><figure data-image-id="{image_pk}"></figure>'


def test_a_hero_image_without_alternative_text_stops_publication():
    article = make_article(hero_image=make_image(alt=""))
    assert image_publication_problems(article) == [
        "L’image principale n’a pas de texte alternatif."
    ]


def test_an_image_of_the_text_whose_rights_expired_stops_publication():
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    image = make_image(title="Le pont", licence_expires_on=yesterday)
    article = make_article(body=figure(image.pk))
    (problem,) = image_publication_problems(article)
    assert problem.startswith(
        f"Les droits de l’image «{NBSP}Le pont{NBSP}» du texte ont expiré le "
    )


def test_an_image_of_the_text_gone_from_the_library_stops_publication():
    article = make_article(body=figure(999_999))
    assert image_publication_problems(article) == [
        f"Une image du texte (n°{NBSP}999999) n’existe plus dans la photothèque."
    ]


def test_an_article_with_sound_images_has_no_image_problem():
    article = make_article(hero_image=make_image(), body=figure(make_image().pk))
    assert image_publication_problems(article) == []


def test_the_library_learns_which_articles_use_an_image_and_where():
    image = make_image()
    make_article(title="En une", hero_image=image)
    make_article(
        title="Dans le texte",
        status=Article.Status.DRAFT,
        publish_at=None,
        body=figure(image.pk),
    )
    uses = ArticleUsage().uses({image.pk})[image.pk]
    assert sorted((use.title, use.live, use.in_text) for use in uses) == [
        ("Dans le texte", False, True),
        ("En une", True, False),
    ]


def test_an_image_is_shown_to_readers_only_through_a_live_article():
    image = make_image()
    draft = make_article(status=Article.Status.DRAFT, publish_at=None, hero_image=image)
    assert not ArticleUsage().is_shown_to_readers(image)
    draft.status, draft.publish_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    assert ArticleUsage().is_shown_to_readers(image)


def test_the_library_counts_others_drafts_without_naming_them(journalist):
    image = make_image()
    make_article(title="En ligne", hero_image=image)
    make_article(
        title="Brouillon d’un collègue",
        status=Article.Status.DRAFT,
        publish_at=None,
        body=figure(image.pk),
    )
    uses = ArticleUsage().uses({image.pk}, viewer=journalist)[image.pk]
    assert sorted((use.title, use.admin_url != "", use.in_text) for use in uses) == [
        ("En ligne", True, False),
        ("un article non publié", False, True),
    ]
