"""Median wall time of the reader search, in-process (Django's test client),
uncached: the SQLite FTS5 index beside PostgreSQL's full-text search.

    N=100000 uv run python bench/search_sqlite.py
    N=100000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench100k \\
        uv run python bench/search_sqlite.py

It seeds up to N articles (bench/seed.py, idempotent), then prints, for each
search, its results on the first page, its queries and its median wall time,
and on SQLite the size of the search index. Run it on a quiet machine.
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

from bench.inprocess import measure, prepare_pages  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "30"))
SEARCHES = {
    "common word": "gouvernement",
    "no accent": "energie",
    "accent": "énergie",
    "two words": "réforme SNCF",
    "typo at the end": "gouvernemnt",
    "typo inside": "ecnomie",
    "rubrique": "économie",
    "no match": "zygomatique",
}


def index_megabytes():
    """The SQLite search index's size (its shadow tables), or None."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        try:
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'website_search%'"
            )
        except Exception:  # SQLite built without the dbstat table
            return None
        return cursor.fetchone()[0] / 1e6


def main():
    prepare_pages(N)
    client = Client()
    print(f"{N} articles, {connection.vendor}, median of {ROUNDS}")
    print(f"{'search':<16} {'query':<20} {'found':>6} {'queries':>8} {'wall ms':>8}")
    for name, text in SEARCHES.items():
        url = "/recherche/?" + urlencode({"q": text})
        found = len(client.get(url).context_data["articles"])
        _, queries, wall = measure(client, url, rounds=ROUNDS, clock=time.perf_counter)
        print(f"{name:<16} {text:<20} {found:>6} {queries:>8} {wall:>8.1f}")
    size = index_megabytes()
    if size is not None:
        print(f"search index: {size:.0f} MB")


if __name__ == "__main__":
    main()
