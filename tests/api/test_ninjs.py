"""Articles in IPTC ninjs 2.1, validated against the IPTC schema
(tests/api/ninjs-schema_2.1.json, its source named in its ``$comment``)."""

import json
from pathlib import Path

import jsonschema_rs
import pytest

from tests.factories import (
    hidden_articles,
    make_article,
    make_author,
    make_correction,
    make_entry,
    make_image,
    make_live,
)

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "ninjs-schema_2.1.json").read_text())


@pytest.fixture
def article():
    article = make_article(
        authors=[make_author(name="Anne Martin"), make_author(name="Paul Roux")],
        tags=["Climat"],
        hero_image=make_image(alt="Une photo", credit="AFP"),
        sources="Avec AFP",
    )
    make_correction(article)
    return article


def test_ninjs_is_given_on_request_and_valid(client, article):
    response = client.get(f"/api/v1/articles/{article.pk}?format=ninjs")

    assert response["Content-Type"].startswith("application/ninjs+json")
    item = response.json()
    jsonschema_rs.validator_for(SCHEMA).validate(item)
    assert item["headlines"] == [{"role": "main", "value": article.title}]
    assert item["by"] == "Anne Martin et Paul Roux"
    assert item["associations"][0]["type"] == "picture"


def test_ninjs_is_negotiated_with_the_accept_header(client, article):
    response = client.get(
        f"/api/v1/articles/{article.pk}", HTTP_ACCEPT="application/ninjs+json"
    )

    assert response["Content-Type"].startswith("application/ninjs+json")
    assert response.json()["uri"] == f"http://testserver/articles/{article.pk}/"


def test_the_schema_refuses_what_ninjs_does_not_define(client, article):
    item = client.get(f"/api/v1/articles/{article.pk}?format=ninjs").json()
    item["title_fr"] = "inconnu"

    assert not jsonschema_rs.validator_for(SCHEMA).is_valid(item)


@pytest.mark.parametrize(
    "kind", ["draft", "review", "scheduled", "unpublished", "expired"]
)
def test_ninjs_of_an_article_readers_may_not_see_is_404(client, kind):
    hidden = hidden_articles()[kind]

    response = client.get(
        f"/api/v1/articles/{hidden.pk}", HTTP_ACCEPT="application/ninjs+json"
    )

    assert response.status_code == 404


def test_a_live_in_ninjs_is_valid_with_its_entries_as_associations(client):
    live = make_live(hero_image=make_image(alt="Une photo"))
    live.live.summary = "Deux morts\nTrains arrêtés"
    live.live.save()
    pinned = make_entry(live, is_pinned=True, title="À retenir")
    entry = make_entry(live, image=make_image(alt="Le pont"), is_important=True)

    response = client.get(f"/api/v1/lives/{live.pk}?format=ninjs")

    assert response["Content-Type"].startswith("application/ninjs+json")
    item = response.json()
    jsonschema_rs.validator_for(SCHEMA).validate(item)
    assert item["type"] == "composite"
    names = [association["name"] for association in item["associations"]]
    assert names == ["hero", f"entree-{pinned.pk}", f"entree-{entry.pk}"]
    assert item["associations"][2]["urgency"] == 2
    assert item["associations"][2]["associations"][0]["type"] == "picture"
    assert item["descriptions"][-1]["value"] == "Deux morts\nTrains arrêtés"
