import pytest

from api.services import partner_key_create


@pytest.fixture
def partner():
    """A partner key and its token: ``(key, token)``."""
    return partner_key_create(name="Agrégateur", rate_limit=5)


@pytest.fixture
def keyed(client, partner):
    """The test client sending the partner's key with each request."""
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {partner[1]}"
    return client


@pytest.fixture
def database_cache(settings):
    """The default cache in the database, as with ``CACHE_URL`` unset."""
    from django.core.management import call_command

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "newsday_cache",
        }
    }
    call_command("createcachetable")
