"""Categories and tags → an article's section and tags."""

import pytest

from articles.models import Article, Section
from importers.wordpress import WXRError
from tests.factories import make_section
from tests.importers.wordpress.conftest import article

pytestmark = pytest.mark.django_db


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


def test_post_without_category_goes_to_the_first_rubrique_of_the_menu(run_import):
    run_import("newsroom.xml")
    assert article(111).section.slug == "politique"
    assert not Section.objects.filter(slug="non-classe").exists()


def test_existing_section_with_the_same_name_is_reused(run_import):
    section = make_section(name="Culture", slug="culture-et-spectacles")
    run_import("newsroom.xml")
    assert article(103).section == section


def test_sections_are_created_only_for_categories_in_use(run_import):
    run_import("newsroom.xml")
    assert not Section.objects.filter(slug__in=["europe", "allemagne"]).exists()


def test_categories_are_not_made_rubriques_unless_asked(run_import):
    Section.objects.create(name="Actualités", slug="actualites")
    run_import("newsroom.xml", sections="none")
    assert list(Section.objects.values_list("slug", flat=True)) == ["actualites"]
    assert article(109).section.slug == "actualites"
    assert "Culture" in article(109).tags.names()


def test_default_section_takes_the_posts_whose_category_is_not_a_rubrique(
    run_import,
):
    Section.objects.create(name="Actualités", slug="actualites", position=1)
    Section.objects.create(name="Archives", slug="archives", position=2)
    run_import("newsroom.xml", sections="none", default_section="archives")
    assert article(101).section.slug == "archives"


def test_an_unknown_default_section_is_refused_before_anything_is_written(
    run_import,
):
    with pytest.raises(WXRError, match="la rubrique « inconnue » n’existe pas"):
        run_import("newsroom.xml", default_section="inconnue")
    assert not Article.objects.exists()


def test_top_makes_only_the_most_used_categories_rubriques(run_import):
    report = run_import("newsroom.xml", sections="top", top_sections=1)
    assert report.top_sections == ["Politique"]
    assert list(Section.objects.values_list("slug", flat=True)) == ["politique"]
    assert article(109).section.slug == "politique"
    assert "Culture" in article(109).tags.names()


def test_uncategorized_never_becomes_a_rubrique(run_import):
    run_import("fidelity.xml", sections="all")
    assert "uncategorized" not in Section.objects.values_list("slug", flat=True)


def test_reimport_without_rubriques_keeps_the_section_an_article_has(run_import):
    run_import("newsroom.xml")
    Section.objects.create(name="Actualités", slug="actualites", position=0)
    run_import("newsroom.xml", sections="none")
    assert article(109).section.slug == "culture"
