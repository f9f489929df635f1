"""Fast, isolated settings for the test suite (pytest-django loads them)."""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from newsday.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsday-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="newsday-test-static-")
SECURE_SSL_REDIRECT = False
# Enabled by the tests of the page cache and of django-axes only: other tests
# log in with the test client and must not see pages cached by earlier tests.
PAGE_CACHE_ENABLED = False
AXES_ENABLED = False
SITE_URL = "http://testserver"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
