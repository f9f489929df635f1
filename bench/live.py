"""A live coverage page under load, in-process (Django's test client), in
one run so the figures sit side by side:

1. a live with 1,000 entries, uncached, against the uncached article page
   (target: at least 2/3 of its requests per second);
2. the poll answer (``direct.json``) served from the page cache, against the
   bare Django floor: a view that returns « ok » through the whole
   middleware stack (target: at least 80 %).

    uv run python bench/live.py              # 1,000 articles in a scratch SQLite file
    N=100000 uv run python bench/live.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench_100000 \
        uv run python bench/live.py

With ``DATABASE_URL``, the database is one seeded before (bench/seed.py) and
shared: it is neither migrated nor seeded here, and the only rows written
are the bench's live and its entries, made once and found again by their
``external_id`` (``bench-live:``: not ``bench:``, which bench/seed.py counts
as its articles and bench/pagestats.py picks the article page from).

CPU (process) time per request, median of ``ROUNDS``: on a shared machine
wall time mostly measures the neighbours. On PostgreSQL that leaves out the
database server's own work: ``CLOCK=wall`` measures wall time instead. A
shared database needs a cache every process reaches (the default one is a
table bench/seed.py does not make): ``CACHE_URL=redis://127.0.0.1:6379/5``.
The page cache runs here on a process-local cache (one process), so a hit costs what the middleware does,
not a network round trip.
"""

import os
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import setup_django

# Given before Django is set up (which defaults it to a scratch file): a
# shared database seeded before.
EXISTING_DATABASE = "DATABASE_URL" in os.environ
N = setup_django()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

from bench.inprocess import measure, prepare_pages  # noqa: E402
from bench.livedata import bench_live  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "300"))
CLOCK = time.perf_counter if os.environ.get("CLOCK") == "wall" else time.process_time
ENTRIES = int(os.environ.get("ENTRIES", "1000"))


def bare(request):
    return HttpResponse("ok")


def existing_pages():
    """The article page's address in a database seeded before, after
    collecting static files (production serves hashed names)."""
    from django.core.management import call_command

    from bench.pagestats import pick_urls

    call_command("collectstatic", interactive=False, verbosity=0)
    return pick_urls()


def main():
    urls = existing_pages() if EXISTING_DATABASE else prepare_pages(N)
    live = bench_live(ENTRIES, scratch=not EXISTING_DATABASE)
    client = Client()
    from articles.models import Article

    articles = Article.objects.count() if EXISTING_DATABASE else N
    print(f"{articles} articles, a live of {ENTRIES} entries, {connection.vendor}")
    unit = "wall ms" if CLOCK is time.perf_counter else "CPU ms"
    print(f"{'page':<24} {'bytes':>8} {'queries':>8} {unit:>8} {'req/s':>8}")

    def row(name, client, url):
        size, queries, cpu = measure(client, url, rounds=ROUNDS, clock=CLOCK)
        print(f"{name:<24} {size:>8} {queries:>8} {cpu:>8.2f} {1000 / cpu:>8.0f}")
        return cpu

    article = row("article (uncached)", client, urls["article"])
    page = row("live (uncached)", client, live.get_absolute_url())
    row("direct.json (uncached)", client, live.get_absolute_url() + "direct.json")
    print(f"live / article requests per second: {article / page:.2f} (target ≥ 0.67)")

    floor_urls = types.ModuleType("bench_floor_urls")
    floor_urls.urlpatterns = [
        path("plancher/", bare),
        path("", include("newsday.urls")),
    ]
    with override_settings(ROOT_URLCONF=floor_urls):
        floor = row("bare view (floor)", Client(), "/plancher/")
        with override_settings(
            PAGE_CACHE_ENABLED=True,
            CACHES={
                "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
            },
        ):
            cached = row(
                "direct.json (page cache)",
                Client(),
                live.get_absolute_url() + "direct.json",
            )
    print(
        f"cached poll answer / floor requests per second: {floor / cached:.2f} (target ≥ 0.80)"
    )


if __name__ == "__main__":
    main()
