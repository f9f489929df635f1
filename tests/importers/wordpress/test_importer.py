"""The WordPress importer end to end: what it imports and skips, re-imports,
broken and hostile files, and WordPress's own test exports."""

import re

import pytest
from PIL import Image as PILImage

from articles.models import Article, ArticleRedirect, Author, Section
from articles.sanitizer import sanitize_html
from images.models import Image
from importers.wordpress import WXRError, import_wordpress
from importers.wordpress.attachments import Attachment
from importers.wordpress.reader import CleanStream, read_wxr
from tests.factories import make_section
from tests.importers.wordpress.conformance import body_errors
from tests.importers.wordpress.conftest import SITE, article, paris
from tests.shared import shared_file

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_posts_become_articles_counted_per_status(run_import):
    report = run_import("newsroom.xml")
    assert report.created == 12
    assert report.statuses == {
        Status.PUBLISHED: 7,
        Status.SCHEDULED: 1,
        Status.DRAFT: 1,
        Status.REVIEW: 1,
        Status.UNPUBLISHED: 2,
    }


def test_trashed_post_is_skipped_with_its_reason(run_import):
    report = run_import("newsroom.xml")
    assert not Article.objects.filter(external_id=f"{SITE}:107").exists()
    assert report.skipped["à la corbeille"] == 1


def test_pages_and_menu_items_are_skipped_with_their_reason(run_import):
    report = run_import("newsroom.xml")
    assert report.skipped["page (seuls les articles sont importés)"] == 1
    assert report.skipped["élément de menu"] == 1


# -- idempotence ----------------------------------------------------------------


def test_reimport_creates_no_duplicates(run_import):
    run_import("newsroom.xml")
    counts = (Article.objects.count(), Section.objects.count(), Author.objects.count())
    redirects = ArticleRedirect.objects.count()
    report = run_import("newsroom.xml")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 12)
    assert counts == (
        Article.objects.count(),
        Section.objects.count(),
        Author.objects.count(),
    )
    assert ArticleRedirect.objects.count() == redirects


def test_modified_post_is_updated_on_reimport(run_import):
    run_import("newsroom.xml")
    report = run_import("modified.xml")
    updated = article(101)
    assert (report.updated, report.unchanged) == (1, 1)
    assert (
        updated.title
        == "« Budget 2024 » : l’Assemblée adopte le texte en première lecture"
    )
    assert "près de sept heures" in updated.body
    assert updated.updated_at == paris(2024, 3, 18, 11, 0)
    assert not updated.is_featured
    assert set(updated.tags.names()) == {"Finances publiques", "Assemblée nationale"}


def test_post_is_found_by_guid_when_the_site_moved(run_import, fixture_path, tmp_path):
    run_import("newsroom.xml")
    moved = tmp_path / "moved.xml"
    moved.write_text(
        fixture_path("newsroom.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<wp:base_blog_url>https://www.gazette-rhone.fr",
            "<wp:base_blog_url>https://archives.gazette-rhone.fr",
        ),
        encoding="utf-8",
    )
    report = run_import(moved)
    assert report.created == 0
    assert article_count_for("wordpress:archives.gazette-rhone.fr") == 12


def article_count_for(prefix):
    return Article.objects.filter(external_id__startswith=prefix).count()


# -- broken and hostile files ---------------------------------------------------


def test_malformed_item_is_reported_and_the_others_import(run_import):
    report = run_import("newsroom.xml")
    assert [(e.post_id, e.message) for e in report.errors] == [
        (117, "date illisible « le 22 février »")
    ]
    assert not Article.objects.filter(external_id=f"{SITE}:117").exists()


def test_truncated_file_keeps_the_items_before_the_break(run_import):
    report = run_import("truncated.xml")
    assert sorted(Article.objects.values_list("external_id", flat=True)) == [
        f"{SITE}:{n}" for n in (101, 102, 103, 104)
    ]
    assert "ligne" in report.interrupted


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("bomb.xml", "bombe XML"),
        ("external_entity.xml", "DTD"),
        ("plain_rss.xml", "pas un export WordPress"),
        ("page.html", "page HTML"),
    ],
)
def test_file_that_is_not_a_safe_wxr_is_refused_and_changes_nothing(
    run_import, name, reason
):
    make_section()
    before = (Article.objects.count(), Section.objects.count())
    with pytest.raises(WXRError, match=reason):
        run_import(name)
    assert (Article.objects.count(), Section.objects.count()) == before


def test_dry_run_reports_the_import_but_changes_nothing(run_import, uploads_dir):
    report = run_import("newsroom.xml", dry_run=True, uploads_dir=uploads_dir)
    assert report.created == 12
    assert report.images["serait importée"] == 2
    assert not Article.objects.exists()
    assert not Section.objects.exists()
    assert not Author.objects.exists()
    assert not ArticleRedirect.objects.exists()


def test_section_created_by_a_failed_item_is_not_reused_after_its_rollback(
    run_import, monkeypatch
):
    from importers.wordpress import importer

    tags = importer._Run._tags

    def fail_on_101(self, article, item, **kwargs):
        if item.post_id == 101:
            raise RuntimeError("panne simulée")
        return tags(self, article, item, **kwargs)

    monkeypatch.setattr(importer._Run, "_tags", fail_on_101)
    report = run_import("newsroom.xml")
    assert any(e.post_id == 101 for e in report.errors)
    assert article(115).section.slug == "politique"
    assert Section.objects.filter(slug="politique").count() == 1


# -- WordPress's own theme test exports, when ../shared/fixtures has them ----------


THEME_DATA = shared_file("fixtures", "wordpress", "themeunittestdata.wordpress.xml")


BLOCK_DATA = shared_file("fixtures", "wordpress", "64-block-test-data.xml")


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
        Status.PUBLISHED: 51,
        Status.SCHEDULED: 1,
        Status.DRAFT: 5,  # one draft, four posts without text
        Status.UNPUBLISHED: 1,  # the password-protected post
    }
    assert report.skipped == {
        "élément de menu": 70,
        "page (seuls les articles sont importés)": 21,
    }
    assert report.errors == []


@needs(THEME_DATA)
def test_theme_unit_test_data_sticky_post_is_the_featured_one_if_kept():
    import_wordpress(path=THEME_DATA, keep_sticky=True)
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
    assert report.statuses == {Status.PUBLISHED: 60, Status.DRAFT: 1}
    assert_clean_bodies()


@needs(BLOCK_DATA)
def test_block_test_data_keeps_headings_lists_and_quotes():
    import_wordpress(path=BLOCK_DATA)
    bodies = "".join(Article.objects.values_list("body", flat=True))
    for element in ("<h2>", "<h3>", "<ul>", "<ol>", "<blockquote>", "<strong>"):
        assert element in bodies


@pytest.mark.parametrize(
    "path", [p for p in (THEME_DATA, BLOCK_DATA) if p is not None] or [None]
)
@pytest.mark.parametrize("sections", ["none", "top", "all"])
def test_shared_exports_import_as_valid_bodies_like_our_articles(path, sections):
    if path is None:
        pytest.skip("WordPress's test exports are not in ../shared/fixtures")
    report = import_wordpress(path=path, sections=sections, top_sections=3)
    assert report.errors == []
    articles = Article.objects.all()
    for body in articles.values_list("body", flat=True):
        assert body_errors(body) == []
    published = articles.filter(status=Status.PUBLISHED)
    assert not published.filter(body="").exists()
    assert not published.filter(standfirst="").exists()
    assert not articles.filter(is_featured=True).exists()
    logins = {"themedemos", "themereviewteam", "themereviewer", "admin"}
    assert not Author.objects.filter(slug__in=logins).exists()
    sections_made = set(Section.objects.values_list("slug", flat=True))
    assert not sections_made & {"uncategorized", "non-classe"} or sections == "none"
    if sections == "none":
        assert len(sections_made) == 1  # only where posts go by default
    elif sections == "top":
        assert len(sections_made) <= 3 + 1


# -- with their images: files made up for every image attachment ----------------


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
