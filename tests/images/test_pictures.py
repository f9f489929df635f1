import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from images import pictures, renditions
from images.models import Image
from images.renditions import SPECS, rendition_get_or_create
from tests.factories import image_bytes, make_article, make_image, upload_file
from tests.images.conftest import requires_avif

pytestmark = pytest.mark.django_db


def render(source, *, image):
    """``{% name image key=value … %}`` as a call of the pictures function."""
    name, arguments = re.fullmatch(r"\{% (\w+) image(.*?) %\}", source).groups()
    function = {
        "picture": pictures.render_picture,
        "figure": pictures.render_figure,
        "og_image_url": pictures.og_image_url,
    }[name]
    kwargs = {
        key: value == "True" if value in {"True", "False"} else value.strip('"')
        for key, value in re.findall(r'(\w+)=("[^"]*"|True|False)', arguments)
    }
    return str(function(image, **kwargs))


@pytest.fixture
def photo():
    return make_image(
        file=upload_file(content=image_bytes("JPEG", (2000, 1000))),
        alt="Des manifestants place de la République",
    )


@requires_avif
def test_picture_offers_avif_then_webp_then_a_jpeg_img(photo):
    html = render("{% picture image %}", image=photo)
    types = re.findall(r'<source type="([^"]+)"', html)
    assert types == ["image/avif", "image/webp"]
    assert f'<img src="/images/{photo.pk}/w960.jpg"' in html


def test_picture_srcset_lists_every_allowed_width(photo):
    html = render("{% picture image %}", image=photo)
    webp = re.search(r'type="image/webp" srcset="([^"]+)"', html)[1]
    assert [int(w) for w in re.findall(r" (\d+)w", webp)] == list(renditions.WIDTHS)


def test_picture_sets_sizes_width_height_and_alt(photo):
    html = render(
        '{% picture image sizes="(min-width: 60rem) 58rem, 100vw" %}', image=photo
    )
    assert 'sizes="(min-width: 60rem) 58rem, 100vw"' in html
    assert 'width="1600" height="800"' in html
    assert 'alt="Des manifestants place de la République"' in html


def test_images_load_lazily_by_default(photo):
    html = render("{% picture image %}", image=photo)
    assert 'loading="lazy"' in html
    assert "fetchpriority" not in html


def test_hero_is_fetched_first_and_never_lazily(photo):
    html = render("{% picture image hero=True %}", image=photo)
    assert 'fetchpriority="high"' in html
    assert "loading=" not in html


def test_existing_renditions_are_linked_directly_and_missing_ones_through_the_view(
    photo,
):
    made = rendition_get_or_create(image=photo, spec=SPECS["w640.webp"])
    html = render("{% picture image %}", image=Image.objects.with_renditions().get())
    assert f"{made.file.url} 640w" in html
    assert f"/images/{photo.pk}/w480.webp 480w" in html


def test_rendering_a_picture_makes_no_rendition(photo):
    render("{% picture image hero=True %}", image=photo)
    assert photo.renditions.count() == 1


def test_without_avif_support_the_picture_falls_back_to_webp(photo, monkeypatch):
    monkeypatch.setattr(renditions, "AVIF_ENABLED", False)
    html = render("{% picture image %}", image=photo)
    assert "image/avif" not in html
    assert 'type="image/webp"' in html


def test_an_image_whose_licence_expired_is_not_shown(photo):
    photo.licence_expires_on = timezone.localdate() - dt.timedelta(days=1)
    assert render("{% picture image %}", image=photo).strip() == ""


def test_figure_shows_the_article_caption_over_the_library_one_and_the_credit(photo):
    photo.caption, photo.credit = "Légende de la photothèque", "Photo\u00a0: AFP"
    html = render('{% figure image caption="Légende de l’article" %}', image=photo)
    assert "Légende de l’article" in html
    assert "Légende de la photothèque" not in html
    assert "Photo\u00a0: AFP" in html


def test_metadata_text_is_escaped_in_the_figure(photo):
    photo.caption = "<img src=x onerror=alert(1)>"
    html = render("{% figure image %}", image=photo)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_og_image_url_is_absolute(photo, settings):
    assert render("{% og_image_url image %}", image=photo) == (
        f"{settings.SITE_URL}/images/{photo.pk}/og.jpg"
    )


def test_og_image_url_points_at_the_stored_crop_once_made(photo, settings):
    made = rendition_get_or_create(image=photo, spec=SPECS["og.jpg"])
    assert (
        render("{% og_image_url image %}", image=photo)
        == settings.SITE_URL + made.file.url
    )


def test_a_list_of_pictures_costs_the_same_queries_for_3_or_12_images(
    django_assert_num_queries,
):
    def template(articles):
        return "".join(str(pictures.render_picture(a.hero_image)) for a in articles)

    for _ in range(3):
        make_article(hero_image=make_image())
    with django_assert_num_queries(2):
        template(Article.objects.published().with_hero_image())
    for _ in range(9):
        make_article(hero_image=make_image())
    with django_assert_num_queries(2):
        html = template(Article.objects.published().with_hero_image())
    assert html.count("<picture>") == 12


def test_article_page_shows_the_hero_first_and_body_images_lazily(client, photo):
    other = make_image()
    article = make_article(
        hero_image=photo,
        hero_caption="Le cortège, samedi.",
        body=f'<p>Texte.</p><figure data-image-id="{other.pk}"></figure>',
    )
    html = client.get(article.get_absolute_url()).content.decode()
    hero, body_image = html.split("<picture>")[1:3]
    assert 'fetchpriority="high"' in hero
    assert "Le cortège, samedi." in html
    assert 'loading="lazy"' in body_image


def test_article_page_costs_the_same_queries_for_1_or_6_body_images(client):
    def page_with(n):
        body = "".join(
            f'<p>Paragraphe.</p><figure data-image-id="{make_image().pk}"></figure>'
            for _ in range(n)
        )
        article = make_article(hero_image=make_image(), body=body)
        client.get(article.get_absolute_url())  # fills process-wide caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(queries)

    assert page_with(1) == page_with(6)
