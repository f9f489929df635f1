"""Median wall time per request of each public page type and of a few
searches, in-process (Django's test client), uncached.

    N=100000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench100k \
        uv run python bench/wall.py

Wall time rather than CPU time (bench/pages.py): what grows with the archive
is mostly database time, which the process's CPU clock does not see. Run it
on a quiet machine, and compare databases of different sizes seeded by
bench/seed.py (the script seeds up to N, then measures).
"""

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

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

ROUNDS = int(os.environ.get("ROUNDS", "30"))
SEARCHES = {
    "common word": "gouvernement",
    "rare word": "Strasbourg",
    "two words": "réforme retraites",
    "typo": "gouvernemnt",
    "no match": "zygomatique",
}


def measure(client, url):
    client.get(url)  # warm-up: templates compiled, connection open
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return query_count, statistics.median(times) * 1000


def main():
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    seed(N, out=open(os.devnull, "w"))  # noqa: SIM115
    urls = pick_urls()
    urls["sitemap-articles"] = "/sitemap-articles.xml"
    urls["sitemap-news"] = "/sitemap-news.xml"
    urls["author"] = Author.objects.filter(slug="bench-0").get().get_absolute_url()
    urls["tag"] = f"/mots-cles/{Tag.objects.order_by('pk').first().slug}/"
    for name, text in SEARCHES.items():
        urls[f"search: {name}"] = "/recherche/?" + urlencode({"q": text})
    client = Client()
    print(f"{N} articles, {connection.vendor}, median of {ROUNDS}")
    print(f"{'page':<22} {'queries':>8} {'wall ms':>8}")
    for name, url in urls.items():
        queries, wall = measure(client, url)
        print(f"{name:<22} {queries:>8} {wall:>8.1f}")


if __name__ == "__main__":
    main()
