import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.freshness import ReaderCopy
from articles.models import Article
from newsday import invalidation, pagecache
from tests.factories import make_article, make_editor, make_journalist


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a value cached by an earlier test
    (the sitemap index, a page) must not change what a test counts."""
    cache.clear()
    pagecache.local.clear()
    ReaderCopy.forget_local()
    invalidation.forget_waiting()


@pytest.fixture
def media_root(tmp_path, settings):
    """Files stored in the test's own empty folder, so « nothing was stored »
    can be checked by looking at it (autouse in tests/images/ and
    tests/importers/wordpress/)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def count_queries():
    """``count_queries(client, url)``: the queries of a warm request to
    ``url``. The first request of a process also fills process-wide caches
    (the menu, the next scheduled change), which is not what a page costs."""

    def count(client, url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


# --- The newsroom: people, and the articles they work on -------------------------


@pytest.fixture
def editor():
    return make_editor(first_name="Anne", last_name="Martin")


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def journalist():
    return make_journalist()


@pytest.fixture
def as_journalist(client, journalist):
    client.force_login(journalist)
    return client


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "chef", "chef@exemple.fr", "motdepasse"
    )
    client.force_login(user)
    return client


@pytest.fixture
def draft():
    """A draft nobody owns yet, for previews and links."""
    return make_article(
        status=Article.Status.DRAFT, publish_at=None, title="Scoop pas encore publié"
    )


@pytest.fixture
def own_draft(journalist):
    return make_article(
        status=Article.Status.DRAFT,
        publish_at=None,
        created_by=journalist,
        title="Mon brouillon",
    )


@pytest.fixture
def others_draft():
    return make_article(
        status=Article.Status.DRAFT,
        publish_at=None,
        created_by=make_journalist(),
        title="Brouillon secret d’un collègue",
    )


@pytest.fixture
def own_published(journalist):
    return make_article(created_by=journalist, title="Mon article publié")


# --- Staff two-factor authentication (newsday/two_factor.py, core/staff.py) -------


@pytest.fixture
def two_factor_required(settings):
    """``ADMIN_2FA_REQUIRED=true``, as the app sets it up at start."""
    from django.contrib import admin

    from newsday.apps import NewsdayConfig

    settings.ADMIN_2FA_REQUIRED = True
    original = admin.site.__class__
    NewsdayConfig.ready(NewsdayConfig("newsday", __import__("newsday")))
    yield
    admin.site.__class__ = original


@pytest.fixture
def verified_session():
    """``verified_session(client, user)``: ``user`` signed in with password
    and code, as the admin's two-factor login leaves them."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def sign_in(client, user):
        device = TOTPDevice.objects.create(user=user, name="Téléphone")
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return sign_in


@pytest.fixture
def enqueued_purges(settings, monkeypatch):
    """The CDN purges enqueued (newsday.cdn.enqueue_purge), on a task backend
    that can defer them: each is (run_after, urls)."""
    from newsday import cdn

    settings.PAGE_CACHE_GENERATION_CHECK = 1.0
    purges = []

    class Backend:
        supports_defer = True

    class Task:
        run_after = None

        def get_backend(self):
            return Backend()

        def using(self, run_after):
            deferred = Task()
            deferred.run_after = run_after
            return deferred

        def enqueue(self, urls):
            purges.append((self.run_after, urls))

    monkeypatch.setattr(cdn, "purge_urls", Task())
    return purges
