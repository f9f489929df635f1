"""Fast, isolated settings for the test suite (pytest-django loads them)."""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Jobs run inside the test that enqueues them; the tests of jobs/ switch to
# the database backend and a real worker process explicitly.
os.environ.setdefault("TASKS_BACKEND", "immediate")
# With an immediate backend renditions queued at upload would be made inside
# the upload: off, as documented; the tests of the upload job turn it on.
os.environ.setdefault("IMAGES_RENDITIONS_AT_UPLOAD", "false")

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

# On SQLite the test database is a file, not memory: the tests of jobs/ run
# a real worker process (`db_worker`) that must see the jobs they enqueue.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix="newsday-test-db-"), "db.sqlite3")
    }
