import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article
from articles.services.checks import publication_problems
from images.models import Image
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def licences():
    return {
        "expired": make_image(licence_expires_on=dt.date(2026, 3, 9)),
        "today": make_image(licence_expires_on=TODAY),
        "in_30_days": make_image(licence_expires_on=dt.date(2026, 4, 9)),
        "in_31_days": make_image(licence_expires_on=dt.date(2026, 4, 10)),
        "never": make_image(licence_expires_on=None),
    }


@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_licence_needing_attention_are_expired_or_ending_within_30_days(licences):
    assert list(Image.objects.licence_needs_attention()) == [
        licences["expired"],
        licences["today"],
        licences["in_30_days"],
    ]


@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC), tick=False)
def test_a_licence_is_valid_through_its_last_day(licences):
    assert list(Image.objects.licence_expired()) == [licences["expired"]]
    assert licences["today"].licence_status() == "expiring"
    assert licences["in_31_days"].licence_status() is None


def test_focal_point_needs_both_coordinates():
    image = make_image()
    image.focal_x, image.focal_y = 40, None
    with pytest.raises(IntegrityError):
        image.save()


def test_focal_point_stays_inside_the_frame():
    image = make_image()
    image.focal_x, image.focal_y = 140, 50
    with pytest.raises(IntegrityError):
        image.save()


def test_hero_without_alt_text_blocks_publication():
    article = make_article(hero_image=make_image(alt=""), status=Article.Status.DRAFT)
    assert "L’image principale n’a pas de texte alternatif." in publication_problems(
        article
    )


def test_hero_with_alt_text_does_not_block_publication():
    article = make_article(hero_image=make_image(), status=Article.Status.DRAFT)
    assert publication_problems(article) == []


def test_body_image_without_alt_text_blocks_publication():
    image = make_image(alt="", title="Le cortège")
    article = make_article(body=f'<p>x</p><figure data-image-id="{image.pk}"></figure>')
    assert publication_problems(article) == [
        "L’image «\u00a0Le cortège\u00a0» du texte n’a pas de texte alternatif."
    ]


def test_expired_hero_licence_blocks_publication():
    image = make_image(licence_expires_on=timezone.localdate() - dt.timedelta(days=1))
    problems = publication_problems(make_article(hero_image=image))
    assert problems[0].startswith("Les droits de l’image principale ont expiré le ")


def test_a_deleted_body_image_blocks_publication():
    article = make_article(body='<figure data-image-id="999999"></figure><p>x</p>')
    assert publication_problems(article) == [
        "Une image du texte (n°\u00a0999999) n’existe plus dans la photothèque."
    ]


def test_an_image_used_as_a_hero_cannot_be_deleted():
    from django.db.models import ProtectedError

    image = make_image()
    make_article(hero_image=image)
    with pytest.raises(ProtectedError):
        image.delete()
