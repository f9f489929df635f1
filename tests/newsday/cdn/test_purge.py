import datetime as dt
import logging
from unittest import mock

import pytest

from articles import signals
from articles.models import Article, ArticleRedirect
from newsday import cdn
from newsday.cdn import base
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(settings):
    settings.CDN_PURGE_BACKEND = "tests.newsday.cdn.test_purge.RecordingBackend"
    cdn.backend.cache_clear()
    RecordingBackend.calls = []
    yield RecordingBackend.calls
    cdn.backend.cache_clear()


class RecordingBackend(base.PurgeBackend):
    calls = []

    def purge(self, urls):
        self.calls.append(urls)


def test_publication_purges_the_article_and_the_pages_that_list_it(
    purged, django_capture_on_commit_callbacks
):
    author = make_author()
    article = make_article(authors=[author], tags=["Climat"])
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signals.article_published.send(sender=Article, article=article)
    urls = purged[-1]
    for path in (
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        author.get_absolute_url(),
        "/",
        "/sitemap.xml",
        "/mots-cles/climat/",
    ):
        assert f"http://testserver{path}" in urls


@pytest.mark.parametrize(
    "signal",
    [
        signals.article_published,
        signals.article_updated,
        signals.article_unpublished,
    ],
)
def test_a_change_purges_the_sitemap_of_the_article_month_in_paris_time(
    purged, django_capture_on_commit_callbacks, signal
):
    # 31 October 23:30 UTC is 1 November in Paris.
    article = make_article(publish_at=dt.datetime(2026, 10, 31, 23, 30, tzinfo=dt.UTC))
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signal.send(sender=Article, article=article)
    urls = purged[-1]
    assert "http://testserver/sitemap-articles-2026-11.xml" in urls
    assert "http://testserver/sitemap-articles-2026-10.xml" not in urls


def test_moving_an_article_to_another_month_purges_both_month_sitemaps(
    purged, django_capture_on_commit_callbacks
):
    article = make_article(publish_at=dt.datetime(2026, 10, 10, tzinfo=dt.UTC))
    purged.clear()
    article.publish_at = dt.datetime(2026, 9, 10, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    urls = [url for call in purged for url in call]
    assert "http://testserver/sitemap-articles-2026-10.xml" in urls
    assert "http://testserver/sitemap-articles-2026-09.xml" in urls


def test_a_new_address_purges_the_old_one_too(
    purged, django_capture_on_commit_callbacks
):
    article = make_article(slug="ancien-titre")
    old_path = article.get_absolute_url()
    article.slug = "nouveau-titre"
    with ArticleRedirect.objects.keeping_old_url(article):
        article.save()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signals.article_updated.send(sender=Article, article=article)
    urls = purged[-1]
    assert f"http://testserver{old_path}" in urls
    assert f"http://testserver{article.get_absolute_url()}" in urls


def test_purge_waits_for_the_transaction_to_commit(
    purged, django_capture_on_commit_callbacks
):
    article = make_article()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signals.article_updated.send(sender=Article, article=article)
    assert purged == []
    assert callbacks


def test_a_cdn_refusing_the_purge_is_logged_in_french_and_never_breaks_the_publication(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.CDN_PURGE_BACKEND = "newsday.cdn.cloudflare.CloudflareBackend"
    settings.CDN_PURGE_BACKEND_OPTIONS = {"zone_id": "z", "api_token": "t"}
    cdn.backend.cache_clear()
    article = make_article()
    with (
        mock.patch("urllib.request.urlopen", side_effect=OSError("réseau coupé")),
        caplog.at_level(logging.WARNING, logger="jobs"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        signals.article_unpublished.send(sender=Article, article=article)
    cdn.backend.cache_clear()
    assert "Tâche en échec : newsday.cdn.tasks.purge_urls" in caplog.text
    assert "réseau coupé" in caplog.text


def test_default_backend_does_nothing():
    assert base.NoopBackend().purge(["https://example.fr/"]) is None


def test_an_article_purge_waits_until_every_process_has_seen_the_change(
    enqueued_purges,
):
    # Each process trusts its copy of the page cache's generations for
    # PAGE_CACHE_GENERATION_CHECK: a CDN refreshing sooner could be answered
    # with the former page.
    from django.utils import timezone

    article = make_article()
    before = timezone.now()
    cdn.purge_article(article)
    ((run_after, urls),) = enqueued_purges
    assert run_after >= before + dt.timedelta(seconds=1)
    assert any(url.endswith(article.get_absolute_url()) for url in urls)
