"""Median CPU time per request of each public page type, in-process (Django's
test client), uncached: the figure to compare with the Wagtail peer, measured
the same way by bench/wagtail_pages.py.

    uv run python bench/pages.py              # 1,000 articles in a scratch SQLite file
    N=20000 uv run python bench/pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench uv run python bench/pages.py

CPU (process) time rather than wall time: on a shared machine, wall time
mostly measures the neighbours. The database is seeded by bench/seed.py
(created once, reused); bench/pagestats.py gives wall times and cached runs.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import setup_django

N = setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles.models import Author  # noqa: E402
from bench.pagestats import pick_urls  # noqa: E402
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
    # Production serves hashed static names from a manifest: make it.
    call_command("collectstatic", interactive=False, verbosity=0)
    seed(N, out=open(os.devnull, "w"))  # noqa: SIM115
    urls = pick_urls()
    urls["author"] = Author.objects.filter(slug="bench-0").get().get_absolute_url()
    urls["tag"] = f"/mots-cles/{Tag.objects.order_by('pk').first().slug}/"
    urls.pop("sitemap", None)
    client = Client()
    print(f"{N} articles, {connection.vendor}")
    print(f"{'page':<10} {'bytes':>8} {'queries':>8} {'CPU ms':>8}")
    for name, url in urls.items():
        size, queries, cpu = measure(client, url)
        print(f"{name:<10} {size:>8} {queries:>8} {cpu:>8.2f}")


if __name__ == "__main__":
    main()
