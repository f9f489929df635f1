"""The WordPress importer end to end, on the project's own small export."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, ArticleRedirect, Author, Section
from importers.wordpress import WXRError
from tests.factories import make_section

pytestmark = pytest.mark.django_db

Status = Article.Status
SITE = "wordpress:www.gazette-rhone.fr"


def article(post_id):
    return Article.objects.get(external_id=f"{SITE}:{post_id}")


def paris(*args):
    return timezone.make_aware(dt.datetime(*args), timezone.get_default_timezone())


# -- what is imported ----------------------------------------------------


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


def test_title_keeps_french_typography_and_decodes_entities(run_import):
    run_import("newsroom.xml")
    assert (
        article(101).title
        == "« Budget 2024 » : l’Assemblée vote & la gauche s’abstient"
    )


def test_markup_in_a_title_is_removed(run_import):
    run_import("newsroom.xml")
    assert article(109).title == "Festival : Lumières & ombres"


def test_slug_comes_from_the_percent_encoded_post_name(run_import):
    run_import("newsroom.xml")
    assert article(101).slug == "lassemblee-vote-le-budget"


def test_draft_without_post_name_gets_a_slug_from_its_title(run_import):
    run_import("newsroom.xml")
    assert article(104).slug == "brouillon-enquete-sur-les-loyers"


def test_excerpt_becomes_the_standfirst_as_plain_text(run_import):
    run_import("newsroom.xml")
    assert article(101).standfirst == (
        "Le projet de loi de finances a été adopté en première lecture, "
        "malgré l’abstention de la gauche."
    )


def test_publication_date_is_the_gmt_instant(run_import):
    run_import("newsroom.xml")
    assert article(101).publish_at == paris(2024, 3, 15, 10, 30)


def test_modified_date_becomes_the_update_date(run_import):
    run_import("newsroom.xml")
    assert article(101).updated_at == paris(2024, 3, 16, 8, 0)


def test_unmodified_post_has_no_update_date(run_import):
    run_import("newsroom.xml")
    assert article(102).updated_at is None


def test_published_post_records_its_first_publication(run_import):
    run_import("newsroom.xml")
    assert article(101).first_published_at == paris(2024, 3, 15, 10, 30)


def test_local_time_in_the_autumn_overlap_is_read_as_summer_time(run_import):
    run_import("newsroom.xml")  # post 110: 02:30 on 29 October 2023, no GMT date
    assert article(110).publish_at == dt.datetime(2023, 10, 29, 0, 30, tzinfo=dt.UTC)


def test_local_time_in_the_spring_gap_moves_forward(run_import):
    run_import("newsroom.xml")  # post 111: 02:30 on 31 March 2024 does not exist
    assert article(111).publish_at == dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC)
    assert timezone.localtime(article(111).publish_at).hour == 3


def test_classic_content_gets_wordpress_paragraphs_and_line_breaks(run_import):
    run_import("newsroom.xml")
    assert article(101).body.startswith(
        "<p>Les députés ont adopté le texte <strong>mardi soir</strong>, "
        "à 289 voix contre 251.<br>\nLa séance a duré plus de six heures.</p>\n"
        "<p>« C’est un budget de responsabilité », a déclaré la ministre.</p>\n"
        "<h2>Ce que contient le texte</h2>"
    )


def test_nested_lists_are_kept(run_import):
    run_import("newsroom.xml")
    body = article(101).body
    assert "<li>la fin du bouclier tarifaire :\n<ol><li>en février" in body


def test_scripts_event_handlers_and_javascript_links_are_stripped(run_import):
    run_import("newsroom.xml")
    bodies = " ".join(Article.objects.values_list("body", flat=True))
    assert "<script" not in bodies
    assert "document.write" not in bodies
    assert "track()" not in bodies
    assert "javascript:" not in bodies
    assert "onclick" not in bodies
    assert "onmouseover" not in bodies


def test_block_editor_markup_becomes_plain_html(run_import):
    run_import("newsroom.xml")
    body = article(102).body
    assert "<!--" not in body
    assert "<h2>Un duel serré</h2>" in body  # an h1 block
    assert "<h3>À Villeurbanne</h3>" in body  # an h4 block
    assert "<blockquote><p>Rien n’est joué.</p>" in body


def test_embed_block_becomes_a_link_with_its_caption(run_import):
    run_import("newsroom.xml")
    assert (
        '<p><a href="https://www.youtube.com/watch?v=abc123XYZ" rel="noopener noreferrer">'
        "Voir la vidéo sur YouTube</a></p>\n<p>Le débat télévisé</p>"
    ) in article(102).body


def test_footnotes_block_lists_the_notes_from_post_meta(run_import):
    run_import("newsroom.xml")
    assert (
        "<ol><li>Sondages réalisés du 8 au 11 juillet.</li></ol>" in article(102).body
    )


def test_table_becomes_one_paragraph_per_row(run_import):
    run_import("newsroom.xml")
    assert "<p>Ifop | 34&nbsp;%</p>" in article(102).body


def test_image_and_its_caption_leave_the_body(run_import):
    run_import("newsroom.xml")
    assert "affiche" not in article(102).body
    assert "Fourvière" not in article(109).body


def test_shortcodes_and_edge_cases_of_classic_content(run_import):
    run_import("newsroom.xml")
    body = article(109).body
    assert (
        "<p>La fête appartient aux Lyonnais.</p>" in body
    )  # unknown enclosing shortcode
    assert "contact-form" not in body
    assert "gallery" not in body
    assert "[sic]" in body
    assert "[…]" in body
    assert "<p>[caption] s’écrit entre doubles crochets.</p>" in body
    assert "Voir la publication sur X (Twitter)" in body  # URL alone on its line


def test_entities_and_cdata_survive_conversion(run_import):
    run_import("newsroom.xml")
    body = article(109).body
    assert "Le préfet a parlé d’une «&nbsp;fête populaire&nbsp;»" in body
    assert "se termine ainsi : ]]&gt; et la suite" in body


def test_preformatted_text_keeps_its_lines(run_import):
    run_import("newsroom.xml")
    assert "<p>ligne 1<br>ligne 2</p>" in article(109).body


def test_empty_paragraphs_are_dropped(run_import):
    run_import("newsroom.xml")
    assert not article(109).body.endswith("<p>&nbsp;</p>")


# -- statuses ---------------------------------------------------------------


def test_scheduled_post_is_scheduled_at_its_date(run_import):
    run_import("newsroom.xml")
    scheduled = article(103)
    assert scheduled.status == Status.SCHEDULED
    assert scheduled.publish_at == paris(2030, 11, 30, 8, 0)


def test_scheduled_post_goes_live_at_its_date(run_import):
    run_import("newsroom.xml")
    at = paris(2030, 11, 30, 8, 0)
    with time_machine.travel(at - dt.timedelta(seconds=1)):
        assert not Article.objects.published().filter(pk=article(103).pk).exists()
    with time_machine.travel(at):
        assert Article.objects.published().filter(pk=article(103).pk).exists()


def test_draft_stays_a_draft_without_publication_date(run_import):
    run_import("newsroom.xml")
    draft = article(104)
    assert (draft.status, draft.publish_at) == (Status.DRAFT, None)


def test_pending_post_is_in_review(run_import):
    run_import("newsroom.xml")
    assert article(105).status == Status.REVIEW


def test_private_post_is_never_public(run_import):
    run_import("newsroom.xml")
    private = article(106)
    assert private.status == Status.UNPUBLISHED
    assert not Article.objects.published().filter(pk=private.pk).exists()


def test_password_protected_post_is_not_public_and_is_reported(run_import):
    report = run_import("newsroom.xml")
    assert article(116).status == Status.UNPUBLISHED
    assert any("mot de passe" in w.message for w in report.warnings)


def test_trashed_post_is_skipped_with_its_reason(run_import):
    report = run_import("newsroom.xml")
    assert not Article.objects.filter(external_id=f"{SITE}:107").exists()
    assert report.skipped["à la corbeille"] == 1


def test_pages_and_menu_items_are_skipped_with_their_reason(run_import):
    report = run_import("newsroom.xml")
    assert report.skipped["page (seuls les articles sont importés)"] == 1
    assert report.skipped["élément de menu"] == 1


def test_sticky_post_is_featured(run_import):
    run_import("newsroom.xml")
    assert list(Article.objects.filter(is_featured=True)) == [article(101)]


# -- sections, tags, authors ---------------------------------------------------


def test_category_becomes_a_section_with_its_description(run_import):
    run_import("newsroom.xml")
    section = article(101).section
    assert (section.name, section.slug, section.description) == (
        "Politique",
        "politique",
        "La vie politique locale et nationale.",
    )


def test_nested_category_maps_to_its_top_level_section(run_import):
    run_import("newsroom.xml")
    assert article(108).section.slug == "international"


def test_sub_categories_and_other_categories_are_kept_as_tags(run_import):
    run_import("newsroom.xml")
    names = set(article(108).tags.names())
    assert {"Allemagne", "Europe", "Économie"} <= names
    assert "International" not in names


def test_many_tags_are_all_imported_once(run_import):
    run_import("newsroom.xml")
    # 40 tags (« mot 01 » repeats « Mot 01 ») and three categories.
    assert article(108).tags.count() == 43


def test_default_category_gives_way_to_a_real_one(run_import):
    run_import("newsroom.xml")
    assert article(102).section.slug == "politique"
    assert "Non classé" not in article(102).tags.names()


def test_post_without_category_goes_to_the_non_classe_section(run_import):
    run_import("newsroom.xml")
    assert article(111).section.slug == "non-classe"


def test_existing_section_with_the_same_name_is_reused(run_import):
    section = make_section(name="Culture", slug="culture-et-spectacles")
    run_import("newsroom.xml")
    assert article(103).section == section


def test_sections_are_created_only_for_categories_in_use(run_import):
    run_import("newsroom.xml")
    assert not Section.objects.filter(slug__in=["europe", "allemagne"]).exists()


def test_authors_get_their_display_name_bio_and_a_slug_from_their_login(run_import):
    run_import("newsroom.xml")
    author = Author.objects.get(slug="jeanne-dupont")
    assert (author.name, author.bio) == (
        "Jeanne Dupont",
        "Cheffe du service politique.",
    )
    assert list(article(101).authors.all()) == [author]


def test_co_authors_keep_their_byline_order(run_import):
    run_import("newsroom.xml")
    bylines = article(115).bylines.select_related("author")
    assert [b.author.slug for b in bylines] == ["mleroy", "jeanne-dupont"]


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


# -- old addresses ----------------------------------------------------------------


def test_old_permalink_redirects_to_the_article(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/2023/12/05/berlin-coalition/")
    assert response.status_code == 301
    assert response["Location"] == article(108).get_absolute_url()


def test_percent_encoded_old_permalink_redirects(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/2024/03/15/l%E2%80%99assemblee-vote-le-budget/")
    assert response.status_code == 301
    assert response["Location"] == article(101).get_absolute_url()


def test_wordpress_short_link_redirects_to_the_article(run_import, client):
    run_import("newsroom.xml")
    response = client.get("/", {"p": "109"})
    assert response.status_code == 301
    assert response["Location"] == article(109).get_absolute_url()


def test_old_address_of_a_private_post_stays_not_found(run_import, client):
    run_import("newsroom.xml")
    assert client.get("/2024/04/01/planning-conges/").status_code == 404


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
