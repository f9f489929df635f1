import logging
from unittest import mock

import pytest

from articles import signals
from articles.models import Article
from newsday import cdn
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(settings):
    settings.CDN_PURGE_BACKEND = "tests.newsday.cdn.test_purge.RecordingBackend"
    cdn.backend.cache_clear()
    RecordingBackend.calls = []
    yield RecordingBackend.calls
    cdn.backend.cache_clear()


class RecordingBackend(cdn.base.PurgeBackend):
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


def test_a_new_address_purges_the_old_one_too(
    purged, django_capture_on_commit_callbacks
):
    from articles.redirects import keeping_old_url

    article = make_article(slug="ancien-titre")
    old_path = article.get_absolute_url()
    article.slug = "nouveau-titre"
    with keeping_old_url(article):
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


def test_failed_purge_is_logged_and_never_breaks_the_publication(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.CDN_PURGE_BACKEND = "newsday.cdn.cloudflare.CloudflareBackend"
    settings.CDN_PURGE_BACKEND_OPTIONS = {"zone_id": "z", "api_token": "t"}
    cdn.backend.cache_clear()
    article = make_article()
    with (
        mock.patch("urllib.request.urlopen", side_effect=OSError("réseau coupé")),
        caplog.at_level(logging.ERROR, logger="newsday.cdn"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        signals.article_unpublished.send(sender=Article, article=article)
    cdn.backend.cache_clear()
    assert "CDN purge failed" in caplog.text


def test_default_backend_does_nothing():
    assert cdn.base.NoopBackend().purge(["https://example.fr/"]) is None
