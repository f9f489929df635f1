import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from images.models import Rendition
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_image():
    image = make_image()
    make_article(hero_image=image)
    return image


def test_first_request_makes_the_rendition_and_redirects_to_its_file(
    client, published_image
):
    response = client.get(f"/images/{published_image.pk}/w640.webp")
    rendition = Rendition.objects.get(image=published_image, spec="w640.webp")
    assert response.status_code == 302
    assert response["Location"] == rendition.file.url
    assert "public" in response["Cache-Control"]


def test_second_request_reuses_the_same_rendition(client, published_image):
    client.get(f"/images/{published_image.pk}/w640.webp")
    first = Rendition.objects.get(spec="w640.webp")
    response = client.get(f"/images/{published_image.pk}/w640.webp")
    assert response["Location"] == first.file.url
    assert Rendition.objects.filter(spec="w640.webp").count() == 1


@pytest.mark.parametrize(
    "spec",
    ["w641.webp", "w2000.jpg", "w640.png", "og.webp", "original", "w640.webp.php"],
)
def test_a_size_outside_the_allow_list_is_404_and_makes_nothing(
    client, published_image, spec
):
    assert client.get(f"/images/{published_image.pk}/{spec}").status_code == 404
    assert published_image.renditions.count() == 1  # the admin thumbnail


def test_an_allowed_width_wider_than_the_photo_is_404(client, published_image):
    # The test photo is 800 px wide: 960 would only be a copy of 800.
    assert client.get(f"/images/{published_image.pk}/w960.jpg").status_code == 404


def test_an_unknown_image_is_404(client):
    assert client.get("/images/999999/w640.webp").status_code == 404


def test_an_image_used_only_by_a_draft_is_hidden_from_readers(client):
    image = make_image()
    make_article(hero_image=image, status=Article.Status.DRAFT, publish_at=None)
    assert client.get(f"/images/{image.pk}/w640.webp").status_code == 404


def test_staff_can_preview_an_image_of_a_draft_without_caching(admin_client):
    image = make_image()
    response = admin_client.get(f"/images/{image.pk}/w640.webp")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]


@pytest.mark.usefixtures("two_factor_required")
def test_a_password_only_staff_session_is_refused_a_drafts_image(admin_client):
    image = make_image()
    response = admin_client.get(f"/images/{image.pk}/w640.webp")
    assert response.status_code == 403
    assert not Rendition.objects.filter(spec="w640.webp").exists()


@pytest.mark.usefixtures("two_factor_required")
def test_a_verified_staff_session_gets_a_drafts_image(
    client, admin_user, verified_session
):
    image = make_image()
    verified_session(client, admin_user)
    assert client.get(f"/images/{image.pk}/w640.webp").status_code == 302


@pytest.mark.usefixtures("two_factor_required")
def test_a_password_only_staff_session_still_gets_public_images(
    admin_client, published_image
):
    assert (
        admin_client.get(f"/images/{published_image.pk}/w640.webp").status_code == 302
    )


def test_an_image_in_a_published_body_is_served(client):
    image = make_image()
    make_article(body=f'<p>Texte.</p><figure data-image-id="{image.pk}"></figure>')
    assert client.get(f"/images/{image.pk}/w480.jpg").status_code == 302


def test_an_image_whose_licence_expired_is_hidden_from_readers(client):
    image = make_image(licence_expires_on=timezone.localdate() - dt.timedelta(days=1))
    make_article(hero_image=image)
    assert client.get(f"/images/{image.pk}/w640.webp").status_code == 404
