"""Draft, in-review, future-scheduled, unpublished and expired articles appear
nowhere a reader or a crawler looks."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    hidden_articles,
    make_article,
    make_author,
    make_related_link,
    make_section,
)
from website.sitemaps import month_sitemap_path

pytestmark = pytest.mark.django_db

SECRET = "Titre secret"


@pytest.fixture
def world():
    """A section, an author and a tag, each with one published article and
    one hidden article of every kind, all titled with SECRET."""
    section = make_section(slug="monde")
    author = make_author(slug="anne")
    visible = make_article(
        section=section, authors=[author], tags=["Climat"], title="Article visible"
    )
    hidden = {}
    for kind, article in hidden_articles(section=section).items():
        article.title = f"{SECRET} {kind}"
        article.standfirst = "Chapô secret"
        article.is_featured = article.is_breaking = True
        article.save()
        article.tags.add("Climat")
        article.bylines.create(author=author)
        hidden[kind] = article
    return {"section": section, "author": author, "visible": visible, "hidden": hidden}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "kind", ["draft", "review", "scheduled", "unpublished", "expired"]
)
def test_hidden_article_url_by_slug_is_not_found(client, world, kind):
    article = world["hidden"][kind]
    url = reverse(
        "website:detail",
        kwargs={
            "section": "monde",
            "year": 2024,
            "month": "01",
            "day": "01",
            "slug": article.slug,
        },
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "kind", ["draft", "review", "scheduled", "unpublished", "expired"]
)
def test_hidden_article_short_url_by_id_is_not_found(client, world, kind):
    article = world["hidden"][kind]
    assert client.get(reverse("website:short", args=[article.pk])).status_code == 404


@pytest.mark.parametrize(
    "url", ["/", "/monde/", "/auteurs/anne/", "/mots-cles/climat/"]
)
def test_hidden_articles_are_absent_from_list_pages(client, world, url):
    html = page(client, url)
    assert "Article visible" in html
    assert SECRET not in html


def test_hidden_articles_are_not_counted(client, world):
    assert "1 article publié" in page(client, "/auteurs/anne/")
    assert "1 article ·" in page(client, "/mots-cles/climat/")


def test_hidden_articles_are_absent_from_search(client, world):
    html = page(client, "/recherche/?q=secret")
    assert SECRET not in html
    assert "Aucun résultat" in html


@pytest.mark.parametrize(
    "url", ["/rss/", "/monde/rss/", "/auteurs/anne/rss/", "/mots-cles/climat/rss/"]
)
def test_hidden_articles_are_absent_from_feeds(client, world, url):
    body = page(client, url)
    assert "Article visible" in body
    assert SECRET not in body


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/sitemap-auteurs.xml",
    ],
)
def test_hidden_articles_are_absent_from_sitemaps(client, world, url):
    body = page(client, url)
    for article in world["hidden"].values():
        assert article.slug not in body


def test_hidden_articles_are_absent_from_month_sitemaps(client, world):
    month = month_sitemap_path(world["visible"].publish_at)
    body = page(client, month)
    assert world["visible"].slug in body
    for article in world["hidden"].values():
        assert article.slug not in body
    # A month of hidden articles only (the expired one's, the scheduled one's,
    # when they fall in another month) has no sitemap.
    for article in world["hidden"].values():
        if article.publish_at and month_sitemap_path(article.publish_at) != month:
            path = month_sitemap_path(article.publish_at)
            assert client.get(path).status_code == 404


def test_month_of_hidden_articles_only_is_absent_from_sitemaps(client):
    past = timezone.now() - dt.timedelta(days=400)
    hidden = hidden_articles()
    # A scheduled article in the past would be live: it stays in the future.
    for kind in ("draft", "review", "unpublished", "expired"):
        article = hidden[kind]
        article.publish_at = past
        article.unpublish_at = article.unpublish_at and past + dt.timedelta(days=1)
        article.save()
    path = month_sitemap_path(past)
    assert path not in page(client, "/sitemap.xml")
    assert client.get(path).status_code == 404


def test_author_with_only_hidden_articles_is_absent_from_sitemap(client):
    author = make_author(slug="discrete")
    for article in hidden_articles().values():
        article.bylines.create(author=author)
    assert "/auteurs/discrete/" not in page(client, "/sitemap-auteurs.xml")


def test_tag_used_only_by_hidden_articles_has_no_page_or_feed(client):
    for article in hidden_articles().values():
        article.tags.add("Embargo")
    assert client.get("/mots-cles/embargo/").status_code == 404
    assert client.get("/mots-cles/embargo/rss/").status_code == 404


def test_related_links_to_hidden_articles_are_not_shown(client, world):
    article = world["visible"]
    for hidden in world["hidden"].values():
        make_related_link(article, target=hidden)
    html = page(client, article.get_absolute_url())
    assert SECRET not in html


def test_hidden_articles_are_never_suggested(client, world):
    html = page(client, world["visible"].get_absolute_url())
    assert SECRET not in html


def test_json_ld_of_home_and_article_names_no_hidden_article(client, world):
    for url in ["/", world["visible"].get_absolute_url()]:
        html = page(client, url)
        ld = html[html.index("application/ld+json") :]
        assert SECRET not in ld


def test_old_url_of_a_hidden_article_does_not_redirect(client, world):
    draft = world["hidden"]["draft"]
    draft.redirects.create(old_path="/monde/2020/01/01/ancien/")
    assert client.get("/monde/2020/01/01/ancien/").status_code == 404
