"""Categories and tags → an article's section and tags."""

import pytest

from articles.models import Section
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
