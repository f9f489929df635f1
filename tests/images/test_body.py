import pytest

from articles.sanitizer import sanitize_html
from images.body import image_ids, render_body
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_sanitiser_keeps_a_library_image_reference():
    html = '<figure data-image-id="42"><figcaption>Légende</figcaption></figure>'
    assert sanitize_html(html) == html


@pytest.mark.parametrize(
    "value", ["42x", "javascript:alert(1)", "-1", "", "4 2", "١٢", "1" * 13]
)
def test_sanitiser_drops_an_image_id_that_is_not_plain_digits(value):
    assert (
        sanitize_html(f'<figure data-image-id="{value}"></figure>')
        == "<figure></figure>"
    )


def test_sanitiser_drops_anything_else_put_on_a_figure_or_inside_it():
    html = (
        '<figure data-image-id="7" onclick="alert(1)" style="x" class="y">'
        '<img src="https://evil.example/x.png" onerror="alert(1)"></figure>'
    )
    assert sanitize_html(html) == '<figure data-image-id="7"></figure>'


def test_image_ids_are_listed_in_order_without_repeats():
    body = (
        '<figure data-image-id="3"></figure><p>x</p><figure data-image-id="1"></figure>'
        '<figure data-image-id="3"></figure>'
    )
    assert image_ids(body) == [3, 1]


def test_each_reference_becomes_a_figure_with_a_picture():
    image = make_image(caption="Légende de la photothèque", credit="Photo\u00a0: AFP")
    html = render_body(f'<p>Avant.</p><figure data-image-id="{image.pk}"></figure>')
    assert "<p>Avant.</p>" in html
    assert "<picture>" in html
    assert "Légende de la photothèque" in html
    assert "Photo\u00a0: AFP" in html


def test_a_caption_in_the_body_replaces_the_library_caption():
    image = make_image(caption="Légende de la photothèque")
    html = render_body(
        f'<figure data-image-id="{image.pk}"><figcaption>Pour cet article &amp; lui seul'
        "</figcaption></figure>"
    )
    assert "Pour cet article &amp; lui seul" in html
    assert "Légende de la photothèque" not in html


def test_a_reference_to_a_deleted_image_disappears():
    assert render_body('<p>x</p><figure data-image-id="999999"></figure>') == "<p>x</p>"


def test_a_body_with_many_images_costs_two_queries(django_assert_num_queries):
    body = "".join(
        f'<figure data-image-id="{make_image().pk}"></figure>' for _ in range(8)
    )
    with django_assert_num_queries(2):
        html = render_body(body)
    assert html.count("<picture>") == 8


def test_a_body_without_images_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        render_body("<p>Rien à voir.</p>")
