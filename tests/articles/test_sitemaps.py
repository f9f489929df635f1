import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import sitemaps
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
NOW = timezone.make_aware(dt.datetime(2026, 3, 2, 12, 0))


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own output)


def locations(root):
    return [loc.text for loc in root.iterfind(".//s:loc", NS)]


def test_sitemap_index_lists_articles_sections_authors_and_news(client):
    make_article()
    assert locations(xml(client, "/sitemap.xml")) == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-auteurs.xml",
        "http://testserver/sitemap-news.xml",
    ]


def test_article_sitemap_is_paginated_in_the_index(client, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    for _ in range(3):
        make_article()
    locs = locations(xml(client, "/sitemap.xml"))
    assert "http://testserver/sitemap-articles.xml?p=2" in locs
    assert len(locations(xml(client, "/sitemap-articles.xml?p=2"))) == 1


def test_sitemap_index_dates_articles_by_their_latest_live_change(client):
    make_article(publish_at=NOW - dt.timedelta(days=3))
    make_article(
        publish_at=NOW - dt.timedelta(days=5), updated_at=NOW - dt.timedelta(days=1)
    )
    make_article(status="unpublished", updated_at=NOW - dt.timedelta(hours=1))
    with time_machine.travel(NOW, tick=False):
        root = xml(client, "/sitemap.xml")
    lastmod = root.find("s:sitemap/s:lastmod", NS).text
    assert lastmod.startswith((NOW - dt.timedelta(days=1)).strftime("%Y-%m-%d"))


def test_article_sitemap_page_is_read_without_counting_the_archive(client):
    make_article()
    with CaptureQueriesContext(connection) as queries:
        xml(client, "/sitemap-articles.xml")
    assert not any("COUNT(" in query["sql"] for query in queries)


def test_article_sitemap_page_past_the_end_is_not_found(client, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    for _ in range(2):
        make_article()
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404


def test_article_sitemap_lists_article_urls_with_lastmod(client):
    article = make_article()
    root = xml(client, "/sitemap-articles.xml")
    assert locations(root) == ["http://testserver" + article.get_absolute_url()]
    assert root.find(".//s:lastmod", NS).text.startswith(
        timezone.localtime(article.publish_at).strftime("%Y-%m-%d")
    )


def test_section_and_author_sitemaps_list_their_pages(client):
    section = make_section(slug="culture")
    make_article(section=section, authors=[make_author(slug="paul")])
    assert "http://testserver/culture/" in locations(
        xml(client, "/sitemap-sections.xml")
    )
    assert locations(xml(client, "/sitemap-auteurs.xml")) == [
        "http://testserver/auteurs/paul/"
    ]


@time_machine.travel(NOW, tick=False)
def test_news_sitemap_lists_articles_of_the_last_48_hours_only(client):
    recent = make_article(publish_at=NOW - dt.timedelta(hours=47))
    make_article(slug="trop-ancien", publish_at=NOW - dt.timedelta(hours=49))
    assert locations(xml(client, "/sitemap-news.xml")) == [
        "http://testserver" + recent.get_absolute_url()
    ]


@time_machine.travel(NOW, tick=False)
def test_news_sitemap_names_publication_language_date_and_title(client):
    make_article(title="Élection : résultats", publish_at=NOW - dt.timedelta(hours=1))
    news = xml(client, "/sitemap-news.xml").find(".//news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "News Day FR"
    assert news.find("news:publication/news:language", NS).text == "fr"
    assert news.find("news:publication_date", NS).text == "2026-03-02T11:00:00+01:00"
    assert news.find("news:title", NS).text == "Élection : résultats"


def test_robots_txt_points_to_the_sitemap_index(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
