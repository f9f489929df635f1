"""Per-page statistics in-process (Django's test client): status, HTML size,
SQL queries on a cold and a warm request, and in-process render time.

    uv run python -m bench.pagestats --json out.json --urls urls.txt

Our counterpart of ../shared/peers/tools/pagestats.py. The page cache is off
unless --cached (then the warm request is a cache hit). Pages that do not
exist (yet) on this branch are reported with their status and skipped by the
load script.
"""

import argparse
import json
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsday.settings")


def pick_urls():
    from articles.models import Article, Section

    article = (
        Article.objects.published()
        .filter(external_id__startswith="bench:")
        .select_related("section")
        .order_by("-publish_at")
        .first()
    ) or Article.objects.published().select_related("section").first()
    section = Section.objects.filter(is_active=True).order_by("position").first()
    return {
        "home": "/",
        "section": section.get_absolute_url() if section else "/",
        "article": article.get_absolute_url() if article else "/",
        # A word of the seed's titles (« Le gouvernement … », one in fifteen):
        # a search that finds nothing would measure nothing.
        "search": "/recherche/?q=gouvernement",
        "feed": "/rss/",
        "sitemap": "/sitemap.xml",
    }


def measure(client, url, reps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    cold_n = len(cold.captured_queries)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    warm_n = len(warm.captured_queries)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "url": url,
        "status": response.status_code,
        "html_bytes": len(response.content),
        "queries_cold": cold_n,
        "queries_warm": warm_n,
        "queries": [q["sql"] for q in warm.captured_queries],
        "inproc_ms_p50": round(statistics.median(times), 2),
        "inproc_ms_p90": round(times[int(len(times) * 0.9) - 1], 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--json")
    parser.add_argument("--urls")
    parser.add_argument("--cached", action="store_true")
    args = parser.parse_args(argv)
    os.environ["PAGE_CACHE"] = "true" if args.cached else "false"
    sys.path.insert(0, os.getcwd())
    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from articles.models import Article

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    cache.clear()
    urls = pick_urls()
    client = Client()
    out = {
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "articles": Article.objects.count(),
        "page_cache": args.cached,
        "pages": {name: measure(client, url, args.reps) for name, url in urls.items()},
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1, ensure_ascii=False)
    if args.urls:
        with open(args.urls, "w") as f:
            for name, page in out["pages"].items():
                f.write(f"{name} {page['url']} {page['status']}\n")


if __name__ == "__main__":
    main()
