"""What gzip costs a page cache hit, in-process.

    uv run python bench/compression.py

An article page of about 45 KB (a long text: paragraphs of the project's own
French docs, so that it compresses as prose does, not as a repeated line) is
stored by the page cache, then asked 2,000 times without and 2,000 times with
``Accept-Encoding: gzip``, in turns; prints the medians and the sizes. Uses a
throw-away SQLite database (the test settings).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUESTS = 2000


def body_text():
    paragraphs = [
        line.strip()
        for name in ("newsroom.md", "reader-site.md", "operations.md")
        for line in (ROOT / "docs" / name).read_text().splitlines()
        if len(line.strip()) > 60
    ]
    html, size = [], 0
    for paragraph in paragraphs:
        html.append(f"<p>{paragraph}</p>")
        size += len(paragraph)
        if size > 30_000:
            break
    return "".join(html)


def timed(client, url, **headers):
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url, **headers)
        times.append(time.perf_counter() - start)
    assert response["X-Page-Cache"] == "HIT"
    return response, statistics.median(times) * 1000


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsday.settings_test")
    import django

    django.setup()
    from django.test import Client
    from django.test.runner import DiscoverRunner
    from django.test.utils import override_settings, setup_test_environment
    from django.utils.text import compress_string

    from tests.factories import make_full_article

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        article = make_full_article()
        type(article).objects.filter(pk=article.pk).update(body=body_text())
        with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_CHECK=60):
            client = Client()
            url = article.get_absolute_url()
            client.get(url)
            for _ in range(2):  # the first turn warms up
                plain, plain_ms = timed(client, url)
                gzipped, gzip_ms = timed(client, url, HTTP_ACCEPT_ENCODING="gzip")
            body = plain.content
            times = []
            for _ in range(REQUESTS):
                start = time.perf_counter()
                compress_string(body)
                times.append(time.perf_counter() - start)
        print(f"page: {len(body):,} bytes, gzipped {len(gzipped.content):,} bytes")
        print(f"hit, plain:   {plain_ms:.3f} ms (median)")
        print(f"hit, gzipped: {gzip_ms:.3f} ms (median)")
        print(f"compress_string alone: {statistics.median(times) * 1000:.3f} ms")
    finally:
        runner.teardown_databases(databases)


if __name__ == "__main__":
    main()
