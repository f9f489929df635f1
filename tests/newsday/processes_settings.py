"""Production settings for the tests that start real server processes
(``test_pagecache_workers.py``): everything as deployed, the cache included,
except static files, served without ``collectstatic``'s manifest."""

from newsday.settings import *  # noqa: F403

STORAGES = STORAGES | {  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
}
