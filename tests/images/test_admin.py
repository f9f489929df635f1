import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from images.models import Image, Rendition
from tests.factories import image_bytes, make_article, make_image, upload_file

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)


def test_image_list_shows_thumbnails(admin_client):
    image = make_image()
    html = admin_client.get(reverse("admin:images_image_changelist")).content.decode()
    assert image.renditions.get().file.url in html
    assert 'class="image-thumbnail"' in html


def test_image_list_costs_the_same_queries_for_3_or_30_images(
    admin_client, django_assert_num_queries
):
    url = reverse("admin:images_image_changelist")
    for _ in range(3):
        make_image()
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for _ in range(27):
        make_image()
    with django_assert_num_queries(len(few)):
        admin_client.get(url)


def test_image_list_filters_by_licence_expiry(admin_client):
    expired = make_image(licence_expires_on=dt.date(2020, 1, 1))
    fine = make_image(licence_expires_on=None)
    html = admin_client.get(
        reverse("admin:images_image_changelist"), {"droits": "expires"}
    ).content.decode()
    assert expired.title in html
    assert fine.title not in html


def test_add_form_uploads_and_cleans_the_photo(admin_client):
    response = admin_client.post(
        reverse("admin:images_image_add"),
        {
            "file": upload_file("cortege.jpg", image_bytes("JPEG", (900, 600))),
            "title": "",
            "alt": "Le cortège",
            "caption": "",
            "credit": "Photo\u00a0: AFP",
            "licence": "agency",
            "licence_expires_on": "",
        },
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.title == "cortege"
    assert (image.width, image.height) == (900, 600)
    assert image.file.name.startswith("images/")


def test_add_form_refuses_a_fake_image_with_a_french_error(admin_client):
    response = admin_client.post(
        reverse("admin:images_image_add"),
        {"file": upload_file("x.jpg", b"<svg/>"), "alt": "x", "licence": "agency"},
    )
    assert response.status_code == 200
    assert "n’est pas une image" in response.content.decode()
    assert not Image.objects.exists()


def test_change_form_shows_the_focal_point_picker(admin_client):
    image = make_image(focal_x=30, focal_y=60)
    html = admin_client.get(
        reverse("admin:images_image_change", args=[image.pk])
    ).content.decode()
    assert 'class="focal-picker" data-x="30" data-y="60"' in html
    assert "focal-point.js" in html


def test_moving_the_focal_point_in_the_admin_drops_the_old_crop(admin_client):
    from images.renditions import SPECS, rendition_get_or_create

    image = make_image()
    rendition_get_or_create(image=image, spec=SPECS["og.jpg"])
    response = admin_client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        {
            "title": image.title,
            "alt": image.alt,
            "licence": image.licence,
            "focal_x": "20",
            "focal_y": "80",
        },
    )
    assert response.status_code == 302
    assert not Rendition.objects.filter(spec="og.jpg").exists()


def test_chooser_searches_titles_captions_and_credits(admin_client):
    make_image(title="Manifestation à Paris")
    make_image(title="Conseil des ministres", credit="Photo\u00a0: Reuters")
    data = admin_client.get(
        reverse("admin:images_image_chooser"), {"q": "reuters"}
    ).json()
    assert [item["title"] for item in data["results"]] == ["Conseil des ministres"]
    assert data["results"][0]["thumbnail"]


@pytest.mark.parametrize("ids", ["99999999999999999999999", "²,-1", "9" * 5000])
def test_chooser_ignores_ids_no_image_can_have(admin_client, ids):
    image = make_image()
    response = admin_client.get(reverse("admin:images_image_chooser"), {"id": ids})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [image.pk]


def test_chooser_upload_returns_the_new_image(admin_client):
    response = admin_client.post(
        reverse("admin:images_image_chooser_upload"),
        {"file": upload_file(), "alt": "Texte", "licence": "staff"},
    )
    assert response.status_code == 201
    assert response.json()["image"]["id"] == Image.objects.get().pk


def test_chooser_upload_form_is_served_blank(admin_client):
    html = admin_client.get(
        reverse("admin:images_image_chooser_upload")
    ).content.decode()
    assert 'type="file"' in html
    assert 'id="chooser_alt"' in html


def test_bulk_upload_page_loads(admin_client):
    response = admin_client.get(reverse("admin:images_image_bulk_upload"))
    assert response.status_code == 200
    assert b"multiple" in response.content


@time_machine.travel(NOW, tick=False)
def test_licence_report_lists_images_to_watch_and_flags_live_articles(admin_client):
    expired = make_image(title="Photo expirée", licence_expires_on=dt.date(2026, 3, 1))
    make_image(title="Photo tranquille", licence_expires_on=dt.date(2027, 1, 1))
    live = make_article(title="Article en ligne", hero_image=expired)
    make_article(
        title="Brouillon",
        status=Article.Status.DRAFT,
        publish_at=None,
        body=f'<figure data-image-id="{expired.pk}"></figure>',
    )
    html = admin_client.get(reverse("admin:images_image_licences")).content.decode()
    assert "Photo expirée" in html
    assert "Photo tranquille" not in html
    assert "expirés depuis le 1er mars 2026" in html
    assert (
        f'{live.title}</a> — Publié <strong class="licence-badge licence-badge--live">en ligne'
        in html
    )
    assert "Brouillon</a> — Brouillon</li>" in html


def test_an_image_used_in_a_body_cannot_be_deleted_from_the_admin(admin_client):
    image = make_image()
    make_article(
        title="Avec photo", body=f'<figure data-image-id="{image.pk}"></figure>'
    )
    url = reverse("admin:images_image_delete", args=[image.pk])
    response = admin_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()
    assert "Avec photo" in response.content.decode()


def test_article_form_offers_the_image_chooser(admin_client):
    image = make_image(title="Le cortège")
    article = make_article(hero_image=image)
    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert 'class="image-chooser"' in html
    assert "Le cortège" in html
    assert "images/admin/chooser.js" in html
    assert "images/admin/library-image.js" in html


def test_article_add_form_loads(admin_client):
    assert admin_client.get(reverse("admin:articles_article_add")).status_code == 200


# --- « utilisée dans » as the person looking may see it -----------------------------


def test_image_page_names_others_drafts_only_as_unpublished_articles(
    as_journalist, journalist
):
    image = make_image()
    make_article(
        title="Mon brouillon illustré", hero_image=image, created_by=journalist
    )
    secret = make_article(
        title="Brouillon secret d’un collègue",
        status=Article.Status.DRAFT,
        publish_at=None,
        hero_image=image,
    )
    html = as_journalist.get(
        reverse("admin:images_image_change", args=[image.pk])
    ).content.decode()
    assert "Mon brouillon illustré" in html
    assert "un article non publié" in html
    assert secret.title not in html


def test_image_page_names_every_article_for_an_editor(as_editor):
    image = make_image()
    make_article(
        title="Brouillon secret d’un collègue",
        status=Article.Status.DRAFT,
        publish_at=None,
        hero_image=image,
    )
    html = as_editor.get(
        reverse("admin:images_image_change", args=[image.pk])
    ).content.decode()
    assert "Brouillon secret d’un collègue" in html


@time_machine.travel(NOW, tick=False)
def test_licence_report_shows_others_drafts_without_title_or_link(as_journalist):
    expired = make_image(title="Photo expirée", licence_expires_on=dt.date(2026, 3, 1))
    secret = make_article(
        title="Brouillon secret d’un collègue",
        status=Article.Status.DRAFT,
        publish_at=None,
        body=f'<figure data-image-id="{expired.pk}"></figure>',
    )
    html = as_journalist.get(reverse("admin:images_image_licences")).content.decode()
    assert "<li>un article non publié</li>" in html
    assert secret.title not in html
    assert f"/admin/articles/article/{secret.pk}/" not in html
