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
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import setup_django

N = setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.inprocess import measure, prepare_pages  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "300"))


def main():
    urls = prepare_pages(N)
    urls.pop("sitemap", None)
    client = Client()
    print(f"{N} articles, {connection.vendor}")
    print(f"{'page':<10} {'bytes':>8} {'queries':>8} {'CPU ms':>8}")
    for name, url in urls.items():
        size, queries, cpu = measure(
            client, url, rounds=ROUNDS, clock=time.process_time
        )
        print(f"{name:<10} {size:>8} {queries:>8} {cpu:>8.2f}")


if __name__ == "__main__":
    main()
