"""The cache every process shares, chosen from the environment (settings read
in a fresh interpreter, as a server would)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "a.fr"}


def read_settings(**env):
    code = "from newsday import settings; print(settings.CACHES['default']['BACKEND'])"
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("CACHE_", "PAGE_"))
    }
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        env=clean | PRODUCTION | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_the_default_cache_is_a_database_table_every_process_shares():
    result = read_settings()
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"


def test_redis_is_chosen_by_cache_url():
    result = read_settings(CACHE_URL="redis://127.0.0.1:6379/0")
    assert result.stdout.strip() == "newsday.cache.ResilientRedisCache"


def test_a_per_process_cache_is_refused_when_pages_are_cached():
    result = read_settings(CACHE_URL="locmemcache://")
    assert result.returncode != 0
    assert "chaque processus garderait sa propre copie" in result.stderr


def test_a_per_process_cache_is_allowed_without_the_page_cache():
    result = read_settings(CACHE_URL="locmemcache://", PAGE_CACHE="false")
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"
