"""The rubrique, author and tag pages (website/lists.py)."""

import pytest

from tests.factories import (
    make_article,
    make_author,
    make_section,
)

pytestmark = pytest.mark.django_db


def test_section_page_lists_its_articles_only(client):
    section = make_section(slug="economie")
    make_article(section=section, title="Inflation en baisse")
    make_article(title="Ailleurs")
    html = client.get("/economie/").content.decode()
    assert "Inflation en baisse" in html
    assert "Ailleurs" not in html


def test_inactive_section_page_is_not_found(client):
    make_section(slug="ancienne", is_active=False)
    assert client.get("/ancienne/").status_code == 404


def test_author_page_lists_the_author_articles_and_count(client):
    author = make_author(name="Léa Roux", slug="lea-roux")
    make_article(authors=[author], title="Enquête sur l’eau")
    html = client.get("/auteurs/lea-roux/").content.decode()
    assert "Enquête sur l’eau" in html
    assert "1 article publié" in html


def test_tag_with_accented_slug_has_a_page(client):
    make_article(title="Prix de l’électricité", tags=["Énergie"])
    html = client.get("/mots-cles/énergie/").content.decode()
    assert "Prix de l’électricité" in html


def test_tag_page_lists_tagged_articles(client):
    make_article(title="Sommet à Bruxelles", tags=["Europe"])
    html = client.get("/mots-cles/europe/").content.decode()
    assert "Sommet à Bruxelles" in html


def test_tag_without_published_article_is_not_found(client):
    from taggit.models import Tag

    Tag.objects.create(name="Vide", slug="vide")
    assert client.get("/mots-cles/vide/").status_code == 404


def test_author_page_caps_its_article_count(client, monkeypatch):
    monkeypatch.setattr("website.lists.COUNT_LIMIT", 2)
    author = make_author(name="Léa Roux", slug="lea-roux")
    for _ in range(3):
        make_article(authors=[author])
    html = client.get("/auteurs/lea-roux/").content.decode()
    assert "plus de 2 articles publiés" in html


def test_tag_page_counts_its_articles_up_to_the_limit(client, monkeypatch):
    monkeypatch.setattr("website.lists.COUNT_LIMIT", 2)
    for _ in range(2):
        make_article(tags=["Europe"])
    html = client.get("/mots-cles/europe/").content.decode()
    assert "2 articles ·" in html
    make_article(tags=["Europe"])
    html = client.get("/mots-cles/europe/").content.decode()
    assert "plus de 2 articles ·" in html


@pytest.mark.parametrize("kind", ["home", "section", "author", "tag"])
def test_list_pages_queries_do_not_grow_with_articles(count_queries, client, kind):
    section = make_section(slug="rubrique-fixe")
    author = make_author(slug="auteur-fixe")

    def add_article():
        make_article(section=section, authors=[author], tags=["Fixe"], is_featured=True)

    url = {
        "home": "/",
        "section": "/rubrique-fixe/",
        "author": "/auteurs/auteur-fixe/",
        "tag": "/mots-cles/fixe/",
    }[kind]
    add_article()
    one = count_queries(client, url)
    for _ in range(29):
        add_article()
    assert count_queries(client, url) == one
