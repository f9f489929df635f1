"""WordPress's own theme test exports, when ../shared/fixtures has them."""

import re

import pytest
from PIL import Image as PILImage

from articles.models import Article
from articles.sanitizer import sanitize_html
from images.models import Image
from importers.wordpress import import_wordpress
from importers.wordpress.attachments import Attachment
from importers.wordpress.reader import CleanStream, read_wxr
from tests.shared import shared_file

pytestmark = pytest.mark.django_db

THEME_DATA = shared_file("fixtures", "wordpress", "themeunittestdata.wordpress.xml")
BLOCK_DATA = shared_file("fixtures", "wordpress", "64-block-test-data.xml")
Status = Article.Status


def needs(path):
    return pytest.mark.skipif(
        path is None,
        reason="WordPress's test export is not in ../shared/fixtures/wordpress",
    )


def assert_clean_bodies():
    for body in Article.objects.values_list("body", flat=True):
        assert "<!-- wp:" not in body
        assert not re.search(r"\[/?(caption|gallery|embed|audio|video)\b", body)
        assert sanitize_html(body) == body


@needs(THEME_DATA)
def test_theme_unit_test_data_imports_every_post_with_its_status():
    report = import_wordpress(path=THEME_DATA)
    assert report.created == 58
    assert report.statuses == {
        Status.PUBLISHED: 55,
        Status.SCHEDULED: 1,
        Status.DRAFT: 1,
        Status.UNPUBLISHED: 1,  # the password-protected post
    }
    assert report.skipped == {
        "élément de menu": 70,
        "page (seuls les articles sont importés)": 21,
    }
    assert report.errors == []


@needs(THEME_DATA)
def test_theme_unit_test_data_sticky_post_is_the_featured_one():
    import_wordpress(path=THEME_DATA)
    assert list(
        Article.objects.filter(is_featured=True).values_list("title", flat=True)
    ) == ["Template: Sticky"]


@needs(THEME_DATA)
def test_theme_unit_test_data_bodies_are_clean_html():
    import_wordpress(path=THEME_DATA)
    assert_clean_bodies()


@needs(THEME_DATA)
def test_theme_unit_test_data_reimports_without_change():
    import_wordpress(path=THEME_DATA)
    report = import_wordpress(path=THEME_DATA)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 58)


@needs(BLOCK_DATA)
def test_block_test_data_imports_every_post_as_clean_html():
    report = import_wordpress(path=BLOCK_DATA)
    assert (report.created, report.errors) == (61, [])
    assert report.statuses == {Status.PUBLISHED: 61}
    assert_clean_bodies()


@needs(BLOCK_DATA)
def test_block_test_data_keeps_headings_lists_and_quotes():
    import_wordpress(path=BLOCK_DATA)
    bodies = "".join(Article.objects.values_list("body", flat=True))
    for element in ("<h2>", "<h3>", "<ul>", "<ol>", "<blockquote>", "<strong>"):
        assert element in bodies


# -- with their images: files made up for every image attachment ----------------


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def uploads_for(path, folder):
    """An uploads folder holding a small image at the place of each image
    attachment of the export at ``path`` (the exports come without files)."""
    with path.open("rb") as raw:
        items = read_wxr(CleanStream(raw))
        next(items)
        attachments = [
            Attachment.from_item(item)
            for item in items
            if item.post_type == "attachment"
        ]
    for attachment in (a for a in attachments if a.is_image):
        file = folder / attachment.file
        file.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (8, 6), "steelblue").save(
            file, format="PNG" if file.suffix == ".png" else "JPEG"
        )
    return folder


@needs(THEME_DATA)
def test_theme_unit_test_data_keeps_its_body_and_featured_images(tmp_path):
    report = import_wordpress(
        path=THEME_DATA, uploads_dir=uploads_for(THEME_DATA, tmp_path / "uploads")
    )
    assert report.images == {"importée": 35}
    assert report.featured == {"reprise": 6}
    # Ten [gallery] shortcodes show the 23 images of their post each; the one
    # image dropped is named by an id the export does not hold.
    assert report.body_images == {
        "reprise": 371,
        "non reprise : pièce jointe absente de l’export": 1,
    }
    assert Image.objects.count() == 35
    assert_clean_bodies()


@needs(THEME_DATA)
def test_theme_unit_test_data_reimports_its_images_without_change(tmp_path):
    uploads = uploads_for(THEME_DATA, tmp_path / "uploads")
    import_wordpress(path=THEME_DATA, uploads_dir=uploads)
    report = import_wordpress(path=THEME_DATA, uploads_dir=uploads)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 58)
    assert Image.objects.count() == 35


@needs(BLOCK_DATA)
def test_block_test_data_keeps_its_body_and_featured_images(tmp_path):
    report = import_wordpress(
        path=BLOCK_DATA, uploads_dir=uploads_for(BLOCK_DATA, tmp_path / "uploads")
    )
    assert report.images == {"importée": 7}
    assert report.featured == {"reprise": 4}
    assert report.body_images == {"reprise": 160}
    assert_clean_bodies()
