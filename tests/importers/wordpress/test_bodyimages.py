"""Images inside post bodies → photo-library references (fixture media.xml)."""

import re

import pytest

from articles.models import Article
from images.body import image_ids, render_body
from images.models import Image
from tests.images.conftest import stored_files

pytestmark = pytest.mark.django_db

SITE = "wordpress:www.lyon-matin.fr"


@pytest.fixture
def imported(run_import, uploads_dir):
    return run_import("media.xml", uploads_dir=uploads_dir)


def body(post_id):
    return Article.objects.get(external_id=f"{SITE}:{post_id}").body


def pk(attachment_id):
    return Image.objects.get(source_key=f"{SITE}:{attachment_id}").pk


def figure(attachment_id, caption=None):
    inner = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure data-image-id="{pk(attachment_id)}">{inner}</figure>'


def test_an_inline_image_becomes_a_figure_between_two_paragraphs(imported):
    assert body(501).startswith(
        f"<p>Le pont a rouvert lundi.</p>\n{figure(401)}\n"
        "<p>Les piétons sont revenus.</p>"
    )


def test_no_image_is_left_inside_a_paragraph_or_an_inline_element(imported):
    for text in Article.objects.values_list("body", flat=True):
        assert not re.search(r"<(p|strong|a)>(?:(?!</\1>).)*<figure", text, re.S)


def test_the_caption_of_a_caption_shortcode_goes_with_its_image(imported):
    assert figure(402, "L’escalier rénové, côté Saint-Jean.") in body(501)


def test_an_image_without_class_is_found_by_the_address_of_one_of_its_sizes(
    imported,
):
    assert f"<p><strong>Sur les quais :</strong></p>\n{figure(403)}" in body(501)


def test_a_gallery_shortcode_shows_its_listed_images_in_their_order(imported):
    assert f"{figure(403)}\n{figure(403)}\n{figure(401)}\n" in body(501)


def test_a_gallery_shortcode_without_ids_shows_the_images_of_its_post(imported):
    ids = image_ids(body(503))
    assert ids[:2] == [pk(407), pk(405)]  # by menu order, then id


def test_a_scaled_upload_is_found_from_a_size_of_its_original(imported):
    assert image_ids(body(503))[2:] == [pk(406)]


def test_a_block_image_keeps_its_caption_with_its_markup(imported):
    assert figure(402, "Les marches, <em>avant</em> les travaux.") in body(502)


def test_a_gallery_block_becomes_its_figures_then_its_caption(imported):
    assert (
        f"{figure(405, 'La grue')}\n{figure(406)}\n<p>Le chantier, en mai.</p>"
    ) in body(502)


def test_an_image_whose_attachment_is_not_in_the_export_goes_with_its_caption(
    imported,
):
    assert "disparue" not in body(502)
    assert imported.body_images["non reprise : pièce jointe absente de l’export"] == 1


def test_an_image_whose_file_is_missing_is_dropped_and_counted(imported):
    assert "perdue" not in body(501)
    assert imported.body_images["non reprise : fichier absent de --uploads-dir"] == 1
    assert not Image.objects.filter(source_key=f"{SITE}:404").exists()


def test_an_image_from_another_site_is_not_downloaded(imported):
    assert "Ailleurs" not in body(501)
    assert (
        imported.body_images["non reprise : image d’un autre site (non téléchargée)"]
        == 1
    )


def test_the_kept_images_are_counted(imported):
    assert imported.body_images["reprise"] == 11


def test_an_image_used_by_several_posts_is_imported_once(imported):
    assert Image.objects.filter(source_key=f"{SITE}:401").count() == 1
    assert Image.objects.count() == 6
    assert Article.objects.get(external_id=f"{SITE}:502").hero_image_id == pk(401)


def test_attachments_that_are_not_images_stay_out_of_the_library(imported):
    assert not Image.objects.filter(source_key=f"{SITE}:408").exists()


def test_the_library_image_takes_the_attachment_alt_and_caption(imported):
    image = Image.objects.get(pk=pk(403))
    assert (image.alt, image.caption) == (
        "Les quais de Saône",
        "Les quais, un matin de mai.",
    )


def test_an_attachment_without_alt_takes_the_alt_of_an_img_using_it(imported):
    assert Image.objects.get(pk=pk(402)).alt == "L’escalier de la montée"


def test_an_imported_body_renders_each_image_as_a_picture(imported):
    html = render_body(body(501))
    assert html.count("<picture>") == 5
    assert "L’escalier rénové, côté Saint-Jean." in html
    assert "Le pont Bonaparte, vu des quais." in html  # the attachment's caption


def test_reimport_changes_no_article_and_copies_no_image(
    imported, run_import, uploads_dir, media_root
):
    bodies = list(Article.objects.order_by("pk").values_list("body", flat=True))
    files = stored_files(media_root)
    report = run_import("media.xml", uploads_dir=uploads_dir)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert list(Article.objects.order_by("pk").values_list("body", flat=True)) == (
        bodies
    )
    assert Image.objects.count() == 6
    assert stored_files(media_root) == files


def test_dry_run_writes_no_image_and_no_file(run_import, uploads_dir, media_root):
    report = run_import("media.xml", uploads_dir=uploads_dir, dry_run=True)
    assert report.body_images["reprise"] == 11
    assert report.images["serait importée"] == 6
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_without_uploads_dir_body_images_are_dropped_and_counted(run_import):
    report = run_import("media.xml")
    assert "<figure" not in body(501)
    # The gallery without ids is not counted: its images are not known.
    assert report.body_images == {"non reprise : pas de --uploads-dir": 12}


def test_the_summary_lists_what_became_of_body_images(imported):
    lines = imported.lines()
    start = lines.index("Images dans le texte\u00a0:")
    assert "  - reprise\u00a0: 11" in lines[start:]
