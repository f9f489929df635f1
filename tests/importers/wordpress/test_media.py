"""Attachments from --uploads-dir into the photo library; featured images."""

from pathlib import Path

import pytest

from images.models import Image
from importers.wordpress.attachments import Attachment
from importers.wordpress.media import ImageUnavailable, MediaLibrary
from importers.wordpress.report import ImportReport
from tests.importers.wordpress.conftest import SITE, Item, article

pytestmark = pytest.mark.django_db


def test_featured_image_is_imported_with_alt_caption_and_credit(
    run_import, uploads_dir
):
    run_import("newsroom.xml", uploads_dir=uploads_dir)
    image = article(101).hero_image
    assert image.file.name.endswith(".jpg")
    assert image.alt == "Les députés dans l’hémicycle"
    assert image.caption == "L’hémicycle pendant le vote, mardi."
    assert image.credit == "Photo : AFP"


def test_featured_image_listed_after_its_post_is_attached(run_import, uploads_dir):
    run_import("newsroom.xml", uploads_dir=uploads_dir)
    assert article(103).hero_image.file.name.endswith(".png")
    assert article(103).hero_image.alt == "Des chalets illuminés"


def test_without_uploads_dir_no_image_is_copied_and_it_is_reported(run_import):
    report = run_import("newsroom.xml")
    assert article(101).hero_image is None
    assert report.featured["non reprise : pas de --uploads-dir"] == 2


def test_reimport_does_not_copy_the_same_image_again(run_import, uploads_dir):
    run_import("newsroom.xml", uploads_dir=uploads_dir)
    image = article(101).hero_image
    report = run_import("newsroom.xml", uploads_dir=uploads_dir)
    assert article(101).hero_image == image
    assert Image.objects.count() == 2
    assert report.images["déjà présente"] == 2


def test_imported_images_go_through_the_library_checks(run_import, uploads_dir):
    run_import("newsroom.xml", uploads_dir=uploads_dir)
    image = article(101).hero_image
    assert (image.width, image.height) != (0, 0)
    assert image.source_key == f"{SITE}:201"


def library(uploads_dir, *items, dry_run=False):
    media = MediaLibrary(
        uploads_dir=uploads_dir, dry_run=dry_run, report=ImportReport()
    )
    for item in items:
        media.remember(item)
    return media


HEMICYCLE = "https://www.gazette-rhone.fr/wp-content/uploads/2024/03/hemicycle.jpg"


UPLOADS = "https://www.site.fr/wp-content/uploads/2024/05/"


def test_a_path_leaving_the_uploads_dir_is_refused(uploads_dir):
    media = library(uploads_dir)
    with pytest.raises(ImageUnavailable, match="chemin de fichier inutilisable"):
        media.image_pk(Attachment(id=1, file="../newsroom.xml"))


def test_a_file_that_is_not_an_image_is_refused(uploads_dir):
    media = library(
        uploads_dir, Item(1, HEMICYCLE.replace("hemicycle", "pas-une-image"))
    )
    with pytest.raises(ImageUnavailable, match=r"^refusée : "):
        media.image_pk(media.get(1))
    assert Image.objects.count() == 0


def test_a_missing_file_is_reported_once_however_often_it_is_used(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE.replace("hemicycle", "absente")))
    for _ in range(3):
        with pytest.raises(ImageUnavailable, match="fichier absent de --uploads-dir"):
            media.image_pk(media.get(1))
    assert media.report.images["fichier absent de --uploads-dir"] == 1


def test_an_attachment_used_twice_is_imported_once(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE, alt="Les députés"))
    first = media.image_pk(media.get(1))
    assert media.image_pk(media.get(1)) == first
    assert Image.objects.count() == 1
    assert media.report.images == {"importée": 1}


def test_an_img_alt_fills_an_attachment_without_alt(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE))
    pk = media.image_pk(media.get(1))
    media.image_pk(media.get(1), alt="Les députés")
    assert Image.objects.get(pk=pk).alt == "Les députés"


def test_an_img_alt_never_replaces_the_attachment_alt(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE, alt="Celui de WordPress"))
    media.image_pk(media.get(1))
    media.image_pk(media.get(1), alt="Celui du texte")
    assert Image.objects.get().alt == "Celui de WordPress"


def test_dry_run_creates_no_image(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE), dry_run=True)
    assert media.image_pk(media.get(1)) is None
    assert media.image_pk(media.get(1)) is None
    assert Image.objects.count() == 0
    assert media.report.images == {"serait importée": 1}


def test_a_storage_failure_loses_the_image_not_the_import(uploads_dir, monkeypatch):
    def broken_storage(**kwargs):
        raise OSError("disque plein")

    monkeypatch.setattr("importers.wordpress.media.image_create", broken_storage)
    media = library(uploads_dir, Item(1, HEMICYCLE))
    with pytest.raises(ImageUnavailable, match="erreur à l’enregistrement"):
        media.image_pk(media.get(1))


def test_the_attachments_index_goes_when_the_library_is_closed(uploads_dir):
    media = library(uploads_dir, Item(1, HEMICYCLE))
    folder = media.index.db.execute("PRAGMA database_list").fetchone()[2]
    media.close()
    assert not Path(folder).exists()


def test_attachments_that_are_not_images_are_not_kept():
    media = library(None, Item(1, UPLOADS + "dossier.pdf"), Item(2, UPLOADS + "a.jpg"))
    assert media.get(1) is None
    assert media.get(2).file == "2024/05/a.jpg"


@pytest.mark.parametrize(
    "src",
    [
        UPLOADS + "pont.jpg",
        UPLOADS + "pont-300x200.jpg",
        "http://site.fr/wp-content/uploads/2024/05/pont-1024x683.jpg?w=1024",
        "https://i0.wp.com/www.site.fr/wp-content/uploads/2024/05/pont.jpg",
        "/wp-content/uploads/2024/05/pont-150x150.jpg",
    ],
)
def test_an_image_is_found_by_the_address_of_its_upload_or_of_a_size(src):
    media = library(None, Item(5, UPLOADS + "pont.jpg"))
    assert media.find(src=src).id == 5


def test_an_upload_outside_the_usual_folder_is_found_by_its_path():
    media = library(None, Item(5, "https://site.fr/medias/2024/pont.jpg"))
    assert media.find(src="https://cdn.site.fr/medias/2024/pont-300x200.jpg").id == 5


def test_a_scaled_upload_is_found_from_the_sizes_of_its_original():
    media = library(None, Item(5, UPLOADS + "vue-scaled.jpg"))
    assert media.find(src=UPLOADS + "vue-1024x768.jpg").id == 5


def test_an_original_named_like_a_size_is_found_by_its_exact_name():
    media = library(
        None,
        Item(1, UPLOADS + "alignement.jpg"),
        Item(2, UPLOADS + "alignement-580x300.jpg"),
    )
    assert media.find(src=UPLOADS + "alignement-580x300.jpg").id == 2


def test_an_id_named_by_the_image_wins_over_its_address():
    media = library(None, Item(1, UPLOADS + "a.jpg"), Item(2, UPLOADS + "b.jpg"))
    assert media.find(attachment_id=2, src=UPLOADS + "a.jpg").id == 2


def test_an_image_of_another_site_is_not_found():
    media = library(None, Item(1, UPLOADS + "a.jpg"))
    assert media.find(src="https://autre.fr/images/a.jpg") is None


def test_images_attached_to_a_post_come_in_menu_order_then_by_id():
    media = library(
        None,
        Item(30, UPLOADS + "c.jpg", **{"wp:post_parent": "9", "wp:menu_order": "1"}),
        Item(20, UPLOADS + "b.jpg", **{"wp:post_parent": "9", "wp:menu_order": "2"}),
        Item(10, UPLOADS + "a.jpg", **{"wp:post_parent": "9", "wp:menu_order": "1"}),
        Item(40, UPLOADS + "d.jpg", **{"wp:post_parent": "8"}),
    )
    assert media.attached_to(9) == [10, 30, 20]
