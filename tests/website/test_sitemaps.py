import datetime as dt
import logging
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_section
from website import sitemaps

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
NOW = timezone.make_aware(dt.datetime(2026, 3, 2, 12, 0))
# Mid-November 2026 in Paris, after the change to winter time (UTC+1).
NOVEMBER = dt.datetime(2026, 11, 15, 11, 0, tzinfo=dt.UTC)
FIXED = [
    "http://testserver/sitemap-sections.xml",
    "http://testserver/sitemap-auteurs.xml",
    "http://testserver/sitemap-news.xml",
]


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own output)


def locations(root):
    return [loc.text for loc in root.iterfind(".//s:loc", NS)]


def month_url(month):
    return f"http://testserver/sitemap-articles-{month}.xml"


def index_lastmods(client):
    """{location: lastmod text or None} of the sitemap index."""
    root = xml(client, "/sitemap.xml")
    return {
        entry.find("s:loc", NS).text: getattr(entry.find("s:lastmod", NS), "text", None)
        for entry in root.iterfind("s:sitemap", NS)
    }


@pytest.fixture
def november():
    with time_machine.travel(NOVEMBER, tick=False):
        yield


# The index


def test_sitemap_index_lists_sections_authors_news_then_months_newest_first(
    client, november
):
    for moment in (utc(2026, 9, 10), utc(2026, 11, 2), utc(2026, 10, 5)):
        make_article(publish_at=moment)
    assert locations(xml(client, "/sitemap.xml")) == [
        *FIXED,
        month_url("2026-11"),
        month_url("2026-10"),
        month_url("2026-09"),
    ]


def test_sitemap_index_skips_months_without_articles(client, november):
    make_article(publish_at=utc(2025, 11, 20))
    make_article(publish_at=utc(2026, 11, 2))
    assert locations(xml(client, "/sitemap.xml"))[len(FIXED) :] == [
        month_url("2026-11"),
        month_url("2025-11"),
    ]


@pytest.mark.parametrize(
    ("publish_at", "month"),
    [
        # 31 October 23:30 UTC is 1 November 00:30 in Paris (UTC+1).
        (utc(2026, 10, 31, 23, 30), "2026-11"),
        (utc(2026, 10, 31, 22, 30), "2026-10"),
        # 30 September 22:30 UTC is 1 October 00:30 in Paris (summer, UTC+2).
        (utc(2026, 9, 30, 22, 30), "2026-10"),
        (utc(2026, 9, 30, 21, 30), "2026-09"),
    ],
)
def test_an_article_belongs_to_its_month_in_paris_time(
    client, november, publish_at, month
):
    article = make_article(publish_at=publish_at)
    assert locations(xml(client, "/sitemap.xml"))[len(FIXED) :] == [month_url(month)]
    assert locations(xml(client, f"/sitemap-articles-{month}.xml")) == [
        "http://testserver" + article.get_absolute_url()
    ]


def test_sitemap_index_dates_each_month_by_its_latest_live_change(client, november):
    make_article(publish_at=utc(2026, 10, 20, 8))
    make_article(publish_at=utc(2026, 10, 10, 8), updated_at=utc(2026, 11, 2, 9, 30))
    make_article(
        publish_at=utc(2026, 10, 25, 8),
        updated_at=utc(2026, 11, 10, 8),
        status=Article.Status.UNPUBLISHED,
    )
    make_article(publish_at=utc(2026, 9, 3, 8))
    make_article(publish_at=utc(2026, 9, 1, 8))
    lastmods = index_lastmods(client)
    assert lastmods[month_url("2026-10")] == "2026-11-02T10:30:00+01:00"
    assert lastmods[month_url("2026-09")] == "2026-09-03T10:00:00+02:00"


def make_hidden_articles(day):
    """One article of each kind readers must not see, published (or to be)
    around ``day``, a past day of the month after which NOVEMBER comes."""
    return [
        make_article(status=Article.Status.DRAFT, publish_at=day),
        make_article(status=Article.Status.REVIEW, publish_at=day),
        make_article(status=Article.Status.UNPUBLISHED, publish_at=day),
        make_article(publish_at=day, unpublish_at=day + dt.timedelta(hours=1)),
    ]


def test_hidden_articles_are_absent_from_the_index(client, november):
    make_article(publish_at=utc(2026, 11, 2))
    make_hidden_articles(utc(2026, 10, 12))
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 11, 20))
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 12, 3))
    assert locations(xml(client, "/sitemap.xml")) == [*FIXED, month_url("2026-11")]


def test_month_with_only_an_article_to_come_is_absent(client, november):
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 11, 28))
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 12, 3))
    make_article(publish_at=utc(2026, 10, 3))
    assert locations(xml(client, "/sitemap.xml"))[len(FIXED) :] == [
        month_url("2026-10")
    ]


def test_scheduled_article_is_listed_once_its_time_has_come(client, november):
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 11, 28))
    with time_machine.travel(utc(2026, 11, 28, 1), tick=False):
        assert month_url("2026-11") in locations(xml(client, "/sitemap.xml"))


@pytest.mark.parametrize("months", [1, 12])
def test_sitemap_index_costs_the_same_queries_for_one_month_or_many(
    rf, november, django_assert_num_queries, months
):
    for month in range(months):
        make_article(publish_at=utc(2025, 12, 10) - dt.timedelta(days=31 * month))
    # The months and the next scheduled change; no other sitemap is counted.
    with django_assert_num_queries(2):
        response = sitemaps.sitemap_index(rf.get("/sitemap.xml"))
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert len(locations(root)) == len(FIXED) + months


def test_sitemap_index_is_kept_in_the_cache_between_requests(
    client, november, django_assert_num_queries
):
    make_article(publish_at=utc(2026, 10, 3))
    first = client.get("/sitemap.xml").content
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").content == first


def test_saving_an_article_refreshes_the_index_at_once(
    client, november, django_capture_on_commit_callbacks
):
    make_article(publish_at=utc(2026, 10, 3))
    xml(client, "/sitemap.xml")
    # Once the save is committed (newsday.invalidation bumps the generation).
    with django_capture_on_commit_callbacks(execute=True):
        make_article(publish_at=utc(2026, 11, 2))
    assert month_url("2026-11") in locations(xml(client, "/sitemap.xml"))


def test_cached_index_ends_at_the_next_scheduled_change(client, november):
    make_article(publish_at=utc(2026, 10, 3))
    make_article(
        status=Article.Status.SCHEDULED, publish_at=NOVEMBER + dt.timedelta(seconds=1)
    )
    assert month_url("2026-11") not in locations(xml(client, "/sitemap.xml"))
    # The copy in the cache ends at that second.
    with time_machine.travel(NOVEMBER + dt.timedelta(seconds=1), tick=False):
        assert month_url("2026-11") in locations(xml(client, "/sitemap.xml"))


def test_sitemap_index_asks_not_to_be_indexed_itself(client):
    response = client.get("/sitemap.xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert response["Content-Type"].startswith("application/xml")


# A month's sitemap


def test_month_sitemap_lists_its_live_articles_newest_first_with_lastmod(
    client, november
):
    older = make_article(publish_at=utc(2026, 10, 3, 8))
    newer = make_article(
        publish_at=utc(2026, 10, 20, 8), updated_at=utc(2026, 10, 21, 8)
    )
    make_article(publish_at=utc(2026, 9, 30, 8))
    make_article(publish_at=utc(2026, 11, 1, 8))
    root = xml(client, "/sitemap-articles-2026-10.xml")
    assert locations(root) == [
        "http://testserver" + newer.get_absolute_url(),
        "http://testserver" + older.get_absolute_url(),
    ]
    assert [lastmod.text for lastmod in root.iterfind(".//s:lastmod", NS)] == [
        "2026-10-21T10:00:00+02:00",
        "2026-10-03T10:00:00+02:00",
    ]


def test_month_sitemap_leaves_out_hidden_articles(client, november):
    visible = make_article(publish_at=utc(2026, 11, 10))
    make_hidden_articles(utc(2026, 11, 12))
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 11, 20))
    assert locations(xml(client, "/sitemap-articles-2026-11.xml")) == [
        "http://testserver" + visible.get_absolute_url()
    ]


def test_month_sitemap_is_read_without_count_or_offset(rf, november):
    make_article(publish_at=utc(2026, 10, 3))
    request = rf.get("/sitemap-articles-2026-10.xml")
    with CaptureQueriesContext(connection) as queries:
        sitemaps.sitemap_section(request, "articles-2026-10").render()
    assert len(queries) == 1
    assert "COUNT(" not in queries[0]["sql"]
    assert "OFFSET" not in queries[0]["sql"]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-articles-2026-13.xml",
        "/sitemap-articles-2026-00.xml",
        "/sitemap-articles-2026-1.xml",
        "/sitemap-articles-26-10.xml",
        "/sitemap-articles-2026-10-01.xml",
        "/sitemap-articles-0000-01.xml",
        "/sitemap-articles-0001-01.xml",
        "/sitemap-articles-9999-12.xml",
        # No live article that month; a month to come.
        "/sitemap-articles-2026-08.xml",
        "/sitemap-articles-2026-12.xml",
        # A second page, or no page: a month has one.
        "/sitemap-articles-2026-10.xml?p=2",
        "/sitemap-articles-2026-10.xml?p=deux",
        # The sitemap of the whole archive is gone.
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-inconnu.xml",
    ],
)
def test_unknown_or_empty_month_sitemap_is_not_found(client, november, url):
    make_article(publish_at=utc(2026, 10, 3))
    make_article(status=Article.Status.SCHEDULED, publish_at=utc(2026, 12, 3))
    make_article(status=Article.Status.UNPUBLISHED, publish_at=utc(2026, 8, 3))
    assert client.get(url).status_code == 404


def test_month_at_the_limit_lists_its_newest_articles_and_warns(
    client, november, monkeypatch, caplog
):
    monkeypatch.setattr(sitemaps.ArticleMonthSitemap, "limit", 2)
    make_article(publish_at=utc(2026, 10, 1, 8))
    second = make_article(publish_at=utc(2026, 10, 2, 8))
    third = make_article(publish_at=utc(2026, 10, 3, 8))
    with caplog.at_level(logging.WARNING, logger="website.sitemaps"):
        root = xml(client, "/sitemap-articles-2026-10.xml")
    assert locations(root) == [
        "http://testserver" + third.get_absolute_url(),
        "http://testserver" + second.get_absolute_url(),
    ]
    assert "articles-2026-10 reached 2 URLs" in caplog.text
    assert locations(xml(client, "/sitemap.xml"))[len(FIXED) :] == [
        month_url("2026-10")
    ]


def test_month_below_the_limit_does_not_warn(client, november, caplog):
    make_article(publish_at=utc(2026, 10, 1, 8))
    with caplog.at_level(logging.WARNING, logger="website.sitemaps"):
        xml(client, "/sitemap-articles-2026-10.xml")
    assert caplog.text == ""


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
def test_months_query_reads_the_month_index_on_postgresql(november):
    make_article(publish_at=utc(2026, 10, 3))
    with CaptureQueriesContext(connection) as queries:
        Article.objects.published_months()
    with connection.cursor() as cursor:
        # Scans of the whole table priced out: a table this small would be
        # read whole, and what matters is that the index can serve the
        # grouping (the months and last changes are its expressions).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "using article_month_idx" in plan
    assert "Seq Scan on articles_article" not in plan


# The other sitemaps


@pytest.mark.parametrize("name", ["sections", "auteurs", "news"])
def test_other_sitemaps_are_read_without_counting(rf, name):
    make_article(authors=[make_author()])
    request = rf.get(f"/sitemap-{name}.xml")
    with CaptureQueriesContext(connection) as queries:
        sitemaps.sitemap_section(request, name).render()
    assert len(queries) == 1
    assert "COUNT(" not in queries[0]["sql"]


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


@time_machine.travel(NOW, tick=False)
def test_news_sitemap_escapes_titles(client):
    title = "Pêche & chasse : « <enquête> » d'été"
    make_article(title=title, publish_at=NOW - dt.timedelta(hours=1))
    news = xml(client, "/sitemap-news.xml").find(".//news:news", NS)
    assert news.find("news:title", NS).text == title


def test_robots_txt_points_to_the_sitemap_index(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_index_lists_sitemaps_on_the_public_site_whatever_host_was_asked(client):
    make_article()
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert locations(root)
    assert all(loc.startswith("http://testserver/") for loc in locations(root))
