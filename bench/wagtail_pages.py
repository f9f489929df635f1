"""The Wagtail peer (../shared/peers/wagtail_news) measured like bench/pages.py:
median CPU time per request through Django's test client.

    cd ../shared/peers/wagtail_news
    BENCH_DB=/var/tmp/w1000.sqlite3 BENCH_MEDIA=/var/tmp/w-media \\
        /path/to/wagtail-venv/bin/python /path/to/bench/wagtail_pages.py

(the peer's README says how to build its venv and seed its database).
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newssite.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from news.models import ArticlePage, SectionPage  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "300"))


def main():
    section = SectionPage.objects.live().order_by("path").first()
    article = (
        ArticlePage.objects.live()
        .child_of(section)
        .order_by("-first_published_at")
        .first()
    )
    client = Client()
    print(f"{ArticlePage.objects.count()} articles, Wagtail peer")
    print(f"{'page':<10} {'bytes':>8} {'queries':>8} {'CPU ms':>8}")
    for name, url in {
        "home": "/",
        "section": section.url,
        "article": article.url,
    }.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)
        times = []
        for _ in range(ROUNDS):
            start = time.process_time()
            client.get(url)
            times.append(time.process_time() - start)
        ms = statistics.median(times) * 1000
        print(f"{name:<10} {len(response.content):>8} {query_count:>8} {ms:>8.2f}")


if __name__ == "__main__":
    main()
