"""The tag admin: in French, and merging duplicates."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from taggit.models import Tag

from core.adminpages import admin_url
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_tag_list_counts_articles(superuser_client):
    make_article(tags=["Énergie"])
    response = superuser_client.get(admin_url(Tag, "changelist"))
    assert "Mots-clés" in response.text
    assert "Fusionner les mots-clés sélectionnés" in response.text


def test_merging_duplicates_moves_their_articles_deletes_them_and_logs_it(
    superuser_client,
):
    # Made as they were before names were matched across case and accents.
    original, duplicate = (
        Tag.objects.create(name="Énergie"),
        Tag.objects.create(name="énergie"),
    )
    article = make_article(tags=[duplicate])
    make_article(tags=[original])
    make_article(tags=[original])
    response = superuser_client.post(
        admin_url(Tag, "changelist"),
        {
            "action": "merge",
            ACTION_CHECKBOX_NAME: list(Tag.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )
    assert "« énergie » fusionné(s) dans « Énergie »." in response.text
    assert list(article.tags.names()) == ["Énergie"]
    assert list(Tag.objects.values_list("name", flat=True)) == ["Énergie"]
    entry = LogEntry.objects.get()
    assert entry.object_repr == "Énergie"
    assert "« énergie »" in entry.get_change_message()
