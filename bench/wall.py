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
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import setup_django

N = setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import Article  # noqa: E402
from bench.inprocess import measure, prepare_pages  # noqa: E402
from website.sitemaps import month_sitemap_path  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "30"))
SEARCHES = {
    "common word": "gouvernement",
    "rare word": "Strasbourg",
    "two words": "réforme retraites",
    "typo": "gouvernemnt",
    "no match": "zygomatique",
}


def main():
    urls = prepare_pages(N)
    months = [month for month, _ in Article.objects.published_months()]
    # A whole month when there is one: the current one is still filling.
    urls["sitemap-month"] = month_sitemap_path(months[min(1, len(months) - 1)])
    urls["sitemap-news"] = "/sitemap-news.xml"
    for name, text in SEARCHES.items():
        urls[f"search: {name}"] = "/recherche/?" + urlencode({"q": text})
    client = Client()
    print(f"{N} articles, {connection.vendor}, median of {ROUNDS}")
    print(f"{'page':<22} {'queries':>8} {'wall ms':>8}")
    for name, url in urls.items():
        _, queries, wall = measure(client, url, rounds=ROUNDS, clock=time.perf_counter)
        print(f"{name:<22} {queries:>8} {wall:>8.1f}")


if __name__ == "__main__":
    main()
