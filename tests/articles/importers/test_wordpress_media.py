"""Featured images from --uploads-dir into the photo library, as heroes."""

import pytest

from articles.importers.wordpress.media import Attachment, FeaturedImages
from articles.importers.wordpress.report import ImportReport
from articles.models import Article
from images.models import Image

pytestmark = pytest.mark.django_db

SITE = "wordpress:www.gazette-rhone.fr"


def article(post_id):
    return Article.objects.get(external_id=f"{SITE}:{post_id}")


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
    assert report.images["non importée (pas de --uploads-dir)"] == 2


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


def images(uploads_dir, dry_run=False):
    return FeaturedImages(
        uploads_dir=uploads_dir, dry_run=dry_run, report=ImportReport()
    )


def attachment(file):
    return Attachment(id=1, url="", file=file, alt="", caption="", credit="")


def test_a_path_leaving_the_uploads_dir_is_refused(uploads_dir):
    featured = images(uploads_dir)
    assert featured._source(attachment("../newsroom.xml")) is None
    assert featured.report.images["chemin de fichier inutilisable"] == 1


def test_a_file_that_is_not_an_image_is_refused(uploads_dir):
    featured = images(uploads_dir)
    unsaved = Article(title="x")
    assert not featured.attach(unsaved, attachment("2024/03/pas-une-image.jpg"))
    assert Image.objects.count() == 0
    [reason] = featured.report.images
    assert reason.startswith("refusée : ")


def test_a_missing_file_is_reported(uploads_dir):
    featured = images(uploads_dir)
    assert not featured.attach(Article(title="x"), attachment("2024/03/absente.jpg"))
    assert featured.report.images["fichier absent de --uploads-dir"] == 1


def test_attachment_path_falls_back_on_its_url():
    class Item:
        post_id = 7
        guid = ""
        meta = {}

        def get(self, key):
            return {
                "wp:attachment_url": "https://site.fr/wp-content/uploads/2020/01/a%20b.jpg"
            }.get(key, "")

    assert Attachment.from_item(Item()).file == "2020/01/a b.jpg"
