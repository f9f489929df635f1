"""A live page's structured data and entries feed (website/live_syndication.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from live.models import LiveCoverage
from tests.factories import make_article, make_author, make_entry
from tests.website.test_live import structured

pytestmark = pytest.mark.django_db


def test_the_json_ld_is_a_live_blog_posting_with_its_entries(client, live):
    author = make_author(name="Hugo Marchetti")
    entry = make_entry(live, title="Coupure de courant", author=author)
    data = structured(client.get(live.get_absolute_url()).text, "LiveBlogPosting")
    assert data["coverageStartTime"] == timezone.localtime(live.publish_at).isoformat()
    assert "coverageEndTime" not in data
    (update,) = data["liveBlogUpdate"]
    assert update["@type"] == "BlogPosting"
    assert update["headline"] == "Coupure de courant"
    assert update["datePublished"] == timezone.localtime(entry.publish_at).isoformat()
    assert update["author"] == {"@type": "Person", "name": "Hugo Marchetti"}
    assert update["url"].endswith(f"#entree-{entry.pk}")


def test_a_closed_live_gives_its_coverage_end_time(client, live):
    end = timezone.now() - dt.timedelta(minutes=1)
    LiveCoverage.objects.filter(article=live).update(closed_at=end)
    data = structured(client.get(live.get_absolute_url()).text, "LiveBlogPosting")
    assert data["coverageEndTime"] == timezone.localtime(end).isoformat()


def test_an_ordinary_article_keeps_its_news_article_json_ld(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).text
    assert structured(html, "NewsArticle")
    assert "liveBlogUpdate" not in html


def test_the_entries_feed_lists_the_latest_entries(client, live):
    make_entry(live, title="Route coupée", body="<p>La N165 est fermée.</p>")
    response = client.get(live.get_absolute_url() + "direct/rss/")
    assert response.status_code == 200
    assert "<title>Route coupée</title>" in response.text
    assert "La N165 est fermée" in response.text


def test_the_live_page_announces_its_entries_feed(client, live):
    html = client.get(live.get_absolute_url()).text
    assert f'href="{live.get_absolute_url()}direct/rss/"' in html
