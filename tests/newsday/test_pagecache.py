from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles import signals
from articles.models import Article
from newsday import pagecache
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_second_anonymous_request_is_served_from_the_cache(client):
    make_article(title="Première nouvelle")
    first = client.get("/")
    second = client.get("/")
    assert first["X-Page-Cache"] == "MISS"
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content


def test_cache_hit_makes_no_database_query(client, django_assert_num_queries):
    make_article()
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "HIT"


def test_cached_page_is_public_for_shared_caches(client):
    make_article()
    response = client.get("/")
    assert response["Cache-Control"] == (
        "public, max-age=30, s-maxage=120, stale-while-revalidate=60"
    )
    # Not on the cookie (stored pages are everyone's), only on the
    # compression the reader accepts (newsday/compression.py).
    assert response["Vary"] == "Accept-Encoding"


def test_request_with_a_session_cookie_never_gets_a_cached_page(client):
    make_article()
    client.get("/")
    client.cookies["sessionid"] = "anything"
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"


def test_pages_seen_by_logged_in_staff_are_never_stored(client, admin_user):
    make_article()
    client.force_login(admin_user)
    client.get("/")
    client.logout()
    client.cookies.clear()
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_post_is_never_answered_from_the_cache(client):
    make_article()
    client.get("/")
    assert "X-Page-Cache" not in client.post("/")


@pytest.mark.parametrize(
    "signal",
    [signals.article_published, signals.article_updated, signals.article_unpublished],
)
def test_publication_signals_retire_cached_pages(
    client, signal, django_capture_on_commit_callbacks
):
    article = make_article()
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        signal.send(sender=Article, article=article)
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_new_article_appears_as_soon_as_it_is_published(
    client, django_capture_on_commit_callbacks
):
    make_article(title="Ancienne nouvelle")
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Nouvelle toute fraîche")
    assert "Nouvelle toute fraîche" in client.get("/").text


def test_saving_a_draft_keeps_cached_pages(client, django_capture_on_commit_callbacks):
    section = make_article().section
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(section=section, status=Article.Status.DRAFT, publish_at=None)
    assert client.get("/")["X-Page-Cache"] == "HIT"


def test_withdrawing_a_published_article_retires_cached_pages(
    client, django_capture_on_commit_callbacks
):
    article = make_article(title="À retirer")
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.UNPUBLISHED
        article.save()
    assert "À retirer" not in client.get("/").text


def test_cached_page_expires_at_the_next_scheduled_publication(client):
    now = timezone.now()
    make_article(title="Déjà en ligne", publish_at=now - timedelta(hours=1))
    make_article(
        title="Programmé dans une minute",
        status=Article.Status.SCHEDULED,
        publish_at=now + timedelta(seconds=60),
    )
    with time_machine.travel(now, tick=False):
        assert "Programmé" not in client.get("/").text
    with time_machine.travel(now + timedelta(seconds=59), tick=False):
        assert client.get("/")["X-Page-Cache"] == "HIT"
    with time_machine.travel(now + timedelta(seconds=60), tick=False):
        response = client.get("/")
    assert response["X-Page-Cache"] == "MISS"
    assert "Programmé dans une minute" in response.text


def test_cached_page_expires_when_an_article_reaches_its_unpublish_time(client):
    now = timezone.now()
    make_article(
        title="Expire bientôt",
        publish_at=now - timedelta(hours=1),
        unpublish_at=now + timedelta(seconds=30),
    )
    with time_machine.travel(now, tick=False):
        assert "Expire bientôt" in client.get("/").text
    with time_machine.travel(now + timedelta(seconds=31), tick=False):
        assert "Expire bientôt" not in client.get("/").text


def test_cached_home_page_loses_its_breaking_banner_on_time(client, settings):
    settings.BREAKING_NEWS_HOURS = 1
    now = timezone.now()
    make_article(
        title="Alerte", is_breaking=True, publish_at=now - timedelta(minutes=59)
    )
    with time_machine.travel(now, tick=False):
        assert 'class="breaking"' in client.get("/").text
    with time_machine.travel(now + timedelta(seconds=59), tick=False):
        assert client.get("/")["X-Page-Cache"] == "HIT"
    with time_machine.travel(now + timedelta(seconds=60), tick=False):
        response = client.get("/")
    assert response["X-Page-Cache"] == "MISS"
    assert 'class="breaking"' not in response.text


def test_cache_control_never_reaches_past_the_next_scheduled_change(client):
    now = timezone.now()
    make_article(publish_at=now - timedelta(hours=1))
    make_article(
        status=Article.Status.SCHEDULED, publish_at=now + timedelta(seconds=90)
    )
    with time_machine.travel(now, tick=False):
        response = client.get("/")
    assert response["Cache-Control"] == ("public, max-age=30, s-maxage=90")


def test_cache_control_on_a_hit_counts_down_to_the_next_change(client):
    now = timezone.now()
    make_article(publish_at=now - timedelta(hours=1))
    make_article(
        status=Article.Status.SCHEDULED, publish_at=now + timedelta(seconds=100)
    )
    with time_machine.travel(now, tick=False):
        client.get("/")
    with time_machine.travel(now + timedelta(seconds=80), tick=False):
        response = client.get("/")
    assert response["X-Page-Cache"] == "HIT"
    assert response["Cache-Control"] == "public, max-age=20, s-maxage=20"


def test_stale_while_revalidate_fits_before_the_next_change():
    assert pagecache.cache_control(150) == (
        "public, max-age=30, s-maxage=120, stale-while-revalidate=30"
    )


def test_cached_article_page_answers_304_to_a_matching_etag(client):
    article = make_article()
    etag = client.get(article.get_absolute_url())["ETag"]
    response = client.get(article.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_article_page_declares_its_last_modification(client):
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response["Last-Modified"]
    again = client.get(
        article.get_absolute_url(),
        headers={"if-modified-since": response["Last-Modified"]},
    )
    assert again.status_code == 304


def test_changed_page_answers_200_to_an_old_etag(
    client, django_capture_on_commit_callbacks
):
    article = make_article(title="Titre initial")
    etag = client.get(article.get_absolute_url())["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Titre corrigé"
        article.save()
    response = client.get(article.get_absolute_url(), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Titre corrigé" in response.text


def test_tracking_parameters_share_the_cached_page(client):
    make_article()
    client.get("/")
    response = client.get("/?utm_source=newsletter&utm_medium=email")
    assert response["X-Page-Cache"] == "HIT"


def test_a_parameter_the_page_reads_is_part_of_its_key(client):
    article = make_article()
    path = article.section.get_absolute_url()
    client.get(path)
    assert client.get(f"{path}?page=2")["X-Page-Cache"] == "MISS"


def test_parameters_the_page_does_not_read_share_the_cached_page(client):
    article = make_article()
    client.get(article.get_absolute_url())
    response = client.get(f"{article.get_absolute_url()}?page=2&x=1&q=mot")
    assert response["X-Page-Cache"] == "HIT"


def test_the_order_of_parameters_does_not_split_the_cache(client):
    make_article(title="Budget de l’État")
    client.get("/recherche/?q=budget&page=1")
    assert client.get("/recherche/?page=1&q=budget")["X-Page-Cache"] == "HIT"


def test_a_flood_of_random_query_strings_stores_no_new_page(client):
    article = make_article()
    paths = ["/", article.section.get_absolute_url(), article.get_absolute_url()]
    for path in paths:
        client.get(path)
    stored = len(pagecache.local.entries)
    for n in range(30):
        for path in paths:
            response = client.get(f"{path}?x{n}={n}&utm_source={n}&page_id=&p=")
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "HIT"
    assert len(pagecache.local.entries) == stored == 3


def test_a_search_that_finds_nothing_is_not_stored(client):
    make_article(title="Budget de l’État")
    response = client.get("/recherche/?q=zzxqwv")
    assert response["Cache-Control"] == "private, no-cache"
    assert client.get("/recherche/?q=zzxqwv")["X-Page-Cache"] == "MISS"
    assert pagecache.local.entries == {}


def test_a_search_that_finds_articles_is_stored_under_its_words(client):
    make_article(title="Budget de l’État")
    client.get("/recherche/?q=budget")
    assert client.get("/recherche/?q=budget")["X-Page-Cache"] == "HIT"
    assert client.get("/recherche/?q=autre")["X-Page-Cache"] == "MISS"


def test_bad_host_gets_400_even_for_a_cached_page(client):
    make_article()
    client.get("/")
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.usefixtures("test_urls")
@pytest.mark.parametrize(
    "path", ["/test/csrf/", "/test/nonce/", "/test/private/", "/test/cookie/"]
)
def test_per_reader_pages_are_never_stored(client, path):
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "MISS"


@pytest.mark.usefixtures("test_urls")
def test_page_with_a_csrf_token_is_private_for_shared_caches(client):
    assert "private" in client.get("/test/csrf/")["Cache-Control"]


def test_missing_page_may_be_kept_briefly_by_shared_caches(client):
    response = client.get("/rubrique-inconnue/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "public, max-age=30, s-maxage=30"


def test_admin_is_never_cached(client):
    response = client.get("/admin/login/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_local_copy_is_used_until_the_generation_is_checked_again(client, settings):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    make_article()
    client.get("/")
    cache.set(pagecache.GENERATION_KEY, 42)  # another server published
    assert client.get("/")["X-Page-Cache"] == "HIT"
    pagecache.seen.checked_at -= 61
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_publication_in_this_process_retires_the_local_copy_at_once(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_GENERATION_CHECK = 60
    article = make_article()
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        signals.article_updated.send(sender=Article, article=article)
    assert client.get("/")["X-Page-Cache"] == "MISS"


def test_disabled_page_cache_adds_nothing(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    make_article()
    assert "X-Page-Cache" not in client.get("/")
