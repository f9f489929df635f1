"""In-process timing of the public pages, the way the Wagtail peer is measured
(../shared/peers: Django test client, warm, p50 over many requests).

    uv run python bench/pages.py              # 1,000 articles in a scratch SQLite file
    N=20000 uv run python bench/pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench uv run python bench/pages.py

It seeds its own database (created once, reused), then prints, for each page
type, the HTML size, the number of SQL queries and the median CPU time per
request (process time: on a shared machine, wall time mostly measures the
neighbours). bench/wagtail_pages.py measures the Wagtail peer the same way;
its published figures at 1,000 articles (wall time, idle machine): home
8.7 ms (7 queries), section 8.6 ms (8), article 9.9 ms (15).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
N = int(os.environ.get("N", "1000"))
os.environ.setdefault("DATABASE_URL", f"sqlite:////var/tmp/newsday-bench-{N}.sqlite3")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ["DJANGO_SETTINGS_MODULE"] = "newsday.settings"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.seed import seed  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "300"))


def measure(client, url):
    client.get(url)  # warm-up: templates compiled, connection open
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the next request resets the query log.
    query_count = len(queries)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        client.get(url)
        times.append(time.process_time() - start)
    return len(response.content), query_count, statistics.median(times) * 1000


def main():
    call_command("migrate", verbosity=0)
    urls = seed(N)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    print(f"{N} articles, {connection.vendor}")
    print(f"{'page':<10} {'bytes':>8} {'queries':>8} {'CPU ms':>8}")
    for name, url in urls.items():
        size, queries, p50 = measure(client, url)
        print(f"{name:<10} {size:>8} {queries:>8} {p50:>8.2f}")


if __name__ == "__main__":
    main()
