"""Merging duplicate tags."""

import pytest
from taggit.models import Tag

from articles.services import WorkflowError
from articles.services.tags import tag_merge
from tests.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


def duplicates():
    # Made as they were before names were matched across case and accents.
    return Tag.objects.create(name="Énergie"), Tag.objects.create(name="énergie")


def test_merging_keeps_the_most_used_tag_and_moves_the_articles_to_it():
    original, duplicate = duplicates()
    both = make_article(tags=[original, duplicate])
    only_duplicate = make_article(tags=[duplicate])
    make_article(tags=[original])
    kept, names = tag_merge(tags=Tag.objects.all(), user=make_editor())
    assert kept.name == "Énergie"
    assert names == ["énergie"]
    assert list(both.tags.names()) == ["Énergie"]
    assert list(only_duplicate.tags.names()) == ["Énergie"]
    assert list(Tag.objects.values_list("name", flat=True)) == ["Énergie"]


def test_merging_a_single_tag_is_refused():
    make_article(tags=["Énergie"])
    with pytest.raises(WorkflowError):
        tag_merge(tags=Tag.objects.all(), user=make_editor())
