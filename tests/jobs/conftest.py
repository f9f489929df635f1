"""Real worker processes for the tests of background jobs.

The tests enqueue jobs on the database backend (or RQ, when Redis answers),
commit them (``transactional_db``), then run the worker command in a
subprocess against the same database: SQLite's test database is a file
(newsday/settings_test.py), PostgreSQL's a real one.
"""

import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def manage(*args, env=None, **popen):
    """``manage.py *args`` in a new process, with the project's production
    settings pointed at the test database (and ``env`` on top)."""
    from django.conf import settings

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsday.settings",
        "DEBUG": "false",
        "SECRET_KEY": "tests-only-not-secret",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "CACHE_URL": "locmemcache://",
        "PAGE_CACHE": "false",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "TASKS_BACKEND": "database",
        "TASKS_RETRY_DELAY": "0",
        "LOG_LEVEL": "WARNING",
        **(env or {}),
    }
    return subprocess.Popen(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def run(process, timeout=120) -> str:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output
    return output


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def run_db_worker(database_tasks):
    """``run_db_worker(env={...})``: drain every ready job with a real
    ``db_worker --batch`` process; its output."""

    def worker(env=None):
        return run(
            manage(
                "db_worker",
                "--batch",
                "--no-reload",
                "--no-startup-delay",
                "--interval=0",
                env=env,
            )
        )

    return worker


class FakeCDN(http.server.ThreadingHTTPServer):
    """An nginx purge listener that answers the scripted statuses in turn
    (then 200), recording each path it was asked for."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.paths = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), FakeCDNHandler)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def next_status(self, path):
        with self.lock:
            self.paths.append(path)
            return self.statuses.pop(0) if self.statuses else 200


class FakeCDNHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(self.server.next_status(self.path))
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_cdn():
    """``fake_cdn(503, 503)``: a running fake CDN and the environment that
    points a worker's purge backend at it."""
    servers = []

    def start(*statuses):
        server = FakeCDN(statuses)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        server.env = {
            "CDN_PURGE_BACKEND": "newsday.cdn.nginx.NginxRefreshBackend",
            "NGINX_PURGE_ORIGINS": server.origin,
        }
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
