"""Tags found whatever the case and accents typed."""

import pytest
from taggit.models import Tag

from articles.tags import existing_name, existing_names, fold, tags_folding_to

pytestmark = pytest.mark.django_db


def test_fold_drops_accents_case_and_spaces():
    assert fold("  Énergie ") == fold("ENERGIE") == "energie"


@pytest.mark.parametrize("typed", ["énergie", "energie", "ENERGIE", "Energie"])
def test_a_typed_name_finds_the_existing_tag_whatever_its_case_and_accents(typed):
    Tag.objects.create(name="Énergie")
    assert existing_name(typed) == "Énergie"


def test_a_name_with_other_letters_is_a_new_tag():
    Tag.objects.create(name="Énergie")
    assert existing_name("Énergies") == "Énergies"


def test_a_name_with_punctuation_finds_its_tag():
    Tag.objects.create(name="C++ (langage)")
    assert existing_name("c++ (LANGAGE)") == "C++ (langage)"


def test_names_typed_twice_differently_make_one_tag():
    assert existing_names(["Œuvre", "œuvre", "Cœur"]) == ["Œuvre", "Cœur"]


def test_suggestions_start_like_the_typed_letters_whatever_the_accents():
    Tag.objects.create(name="Élysée")
    Tag.objects.create(name="Économie")
    names = [tag.name for tag in tags_folding_to("ely", prefix=True)]
    assert names == ["Élysée"]
