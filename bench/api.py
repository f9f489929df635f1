"""The content API in-process (Django's test client), uncached, beside the
article page: median time per request, queries, bytes.

    uv run python bench/api.py                      # 1,000 articles, scratch SQLite
    NS=1000,100000 uv run python bench/api.py       # each size, then side by side
    DATABASE_URL=postgres://… N=100000 uv run python bench/api.py
    NS=1000,100000 DATABASE_URL='postgres://…/newsday_bench_{n}' uv run python bench/api.py

Under load (gunicorn and wrk on PostgreSQL), ``bench/api_load.sh`` calls it
for the addresses to measure (``--urls``) and for its table
(``--report pairs.tsv``).

Production settings (bench/inprocess.py), the page cache off, the rate limit
lifted. Two clocks: CPU time of the process (what the API itself costs) and
wall time (with the database's time, which grows with the archive if a query
does). With ``NS``, each size runs in its own process, one after the other,
and the table shows them side by side.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = int(os.environ.get("ROUNDS", "300"))


def measure_one():
    """Seed up to N, measure each URL; a JSON line on stdout."""
    os.environ.setdefault("API_ANONYMOUS_RATE_LIMIT", str(10**9))
    from bench.inprocess import setup_django

    n = setup_django()
    from django.db import connection
    from django.test import Client

    from articles.models import Article
    from bench.inprocess import measure, prepare_pages

    urls = prepare_pages(n)
    slug = urls["article"].rstrip("/").rsplit("/", 1)[-1]
    article = Article.objects.get(slug=slug)
    client = Client()
    deep = client.get("/api/v1/articles?limit=20")
    for _ in range(9):
        deep = client.get(deep.json()["next"].removeprefix("http://testserver"))
    targets = {
        "article page": urls["article"],
        "API article": f"/api/v1/articles/{article.pk}",
        "API article ninjs": f"/api/v1/articles/{article.pk}?format=ninjs",
        "API list": "/api/v1/articles?limit=20",
        "API list, page 11": deep.json()["next"].removeprefix("http://testserver"),
        "API list, rubrique": f"/api/v1/articles?limit=20&rubrique={article.section.slug}",
        "API search": "/api/v1/search?q=gouvernement",
    }
    rows = {}
    for name, url in targets.items():
        size, queries, cpu = measure(
            client, url, rounds=ROUNDS, clock=time.process_time
        )
        _, _, wall = measure(client, url, rounds=ROUNDS, clock=time.perf_counter)
        rows[name] = {"bytes": size, "queries": queries, "cpu_ms": cpu, "wall_ms": wall}
    print(json.dumps({"n": n, "vendor": connection.vendor, "rows": rows}))


def print_urls():
    """Name and path of each address ``bench/api_load.sh`` measures, on the
    database of the environment (already seeded): the article page, the
    same article in the API, the list's first page and a page 90 % deep
    (its cursor made as ``next`` would have made it)."""
    import django
    from django.utils.http import urlencode

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsday.settings")
    django.setup()
    from api import cursors
    from articles.models import Article
    from bench.pagestats import pick_urls

    page = pick_urls()["article"]
    article = Article.objects.get(slug=page.rstrip("/").rsplit("/", 1)[-1])
    live = Article.objects.published().order_by("-publish_at", "-id")
    at, pk = live.values_list("publish_at", "pk")[int(live.count() * 0.9)]
    deep = urlencode({"cursor": cursors.encode(at, pk), "limit": 20})
    print("page", page)
    print("article", f"/api/v1/articles/{article.pk}")
    print("ninjs", f"/api/v1/articles/{article.pk}?format=ninjs")
    print("list", "/api/v1/articles?limit=20")
    print("deep", f"/api/v1/articles?{deep}")


def report(path):
    """The table of ``bench/api_load.sh``'s turns: each pair's median
    requests per second and the median of its turn-by-turn ratios."""
    import statistics
    from collections import defaultdict

    turns = defaultdict(list)
    for line in Path(path).read_text().splitlines():
        a, b, _, rps_a, rps_b = line.split("\t")
        turns[(a, b)].append((float(rps_a or 0), float(rps_b or 0)))
    print("| A | B | A req/s | B req/s | B / A (median of turns) |")
    print("|---|---|---|---|---|")
    for (a, b), rows in turns.items():
        ratios = [rb / ra for ra, rb in rows if ra]
        print(
            f"| {a} | {b} | {statistics.median(r[0] for r in rows):.0f} "
            f"| {statistics.median(r[1] for r in rows):.0f} "
            f"| {statistics.median(ratios):.2f} ({len(rows)} turns: "
            + ", ".join(f"{r:.2f}" for r in ratios)
            + ") |"
        )


def main():
    if sys.argv[1:2] == ["--urls"]:
        print_urls()
        return
    if sys.argv[1:2] == ["--report"]:
        report(sys.argv[2])
        return
    sizes = [s for s in os.environ.get("NS", "").split(",") if s]
    if not sizes:
        measure_one()
        return
    results = []
    for n in sizes:
        out = subprocess.run(  # noqa: S603 (this very script, fixed arguments)
            [sys.executable, __file__],
            env=os.environ
            | {"N": n, "NS": ""}
            # One database per size: « {n} » in DATABASE_URL names it.
            | (
                {"DATABASE_URL": os.environ["DATABASE_URL"].replace("{n}", n)}
                if "DATABASE_URL" in os.environ
                else {}
            ),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    names = list(results[0]["rows"])
    header = "".join(
        f" | {r['n']:,} articles: CPU ms / wall ms / queries" for r in results
    )
    print(f"| request{header} |")
    print("|---" * (len(results) + 1) + "|")
    for name in names:
        cells = "".join(
            " | {cpu_ms:.2f} / {wall_ms:.2f} / {queries}".format(**r["rows"][name])
            for r in results
        )
        print(f"| {name}{cells} |")


if __name__ == "__main__":
    main()
