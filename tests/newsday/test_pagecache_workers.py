"""One truth across processes on the embedded default configuration.

Real gunicorn workers (three, as in production) on a SQLite file, with the
cache settings a deployment gets when it sets no ``CACHE_URL``: a page every
worker has cached must be gone from all of them within 2 seconds of its
article's withdrawal, made in yet another process.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status_and_cache(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.headers.get("X-Page-Cache")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache")


def statuses(url):
    with ThreadPoolExecutor(max_workers=6) as pool:
        return list(pool.map(status_and_cache, [url] * REQUESTS))


@pytest.fixture
def production_env(tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "CACHE_", "PAGE_CACHE", "DJANGO_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.newsday.processes_settings",
        "DEBUG": "false",
        "SECRET_KEY": "tests-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "3",
    }
    return env, f"http://127.0.0.1:{port}"


def manage(env, *args):
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def server(production_env):
    env, base = production_env
    manage(env, "migrate", "--noinput")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsday.wsgi",
            "--config",
            "gunicorn.conf.py",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status_and_cache(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        yield env, base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_withdrawn_article_is_gone_from_every_worker_within_two_seconds(server):
    env, base = server
    path = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from tests.factories import make_article; "
        "print(make_article(title='Article à retirer').get_absolute_url())",
    )
    url = base + path
    # Enough requests, concurrently, for every worker to have served and kept
    # the page; the later ones are cache hits.
    before = statuses(url)
    assert {status for status, _ in before} == {200}
    assert "HIT" in {cache for _, cache in before}

    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.auth.models import User; "
        "from articles.models import Article; "
        "from articles.services.transitions import article_unpublish; "
        "editor = User.objects.create_superuser('chef', 'chef@example.fr', 'x'); "
        "article_unpublish(article=Article.objects.get(), user=editor, "
        "comment='Retrait juridique')",
    )
    time.sleep(2)
    assert {status for status, _ in statuses(url)} == {404}
