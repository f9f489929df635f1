"""The article admin in-process (Django's test client) as a superuser: the
list (default, filtered by status, searched), the edit page, the calendar,
and saving an article; p50/p90 wall time, CPU time and queries per screen.

    DATABASE_URL=postgres://…/newsday_bench_100000 uv run python -m bench.admin
    DATABASE_URLS=postgres://…/newsday_bench_1000,postgres://…/newsday_bench_100000 \\
        uv run python -m bench.admin          # each database, side by side
    uv run python -m bench.admin --json out.json --rounds 30

Production settings (bench/inprocess.py), the page cache off. The database
is migrated and the static files collected first (as the other bench
scripts do) but not seeded: seed it
with bench/seed.py. A superuser ``bench-admin`` is created or reused.

Saving POSTs the real change form of the newest published bench article:
every field as the edit page sends it (read from its HTML, so the inlines'
management forms and the conflict-version field ``base_fingerprint`` come
with it), the chapô alone changed. Each save starts from a fresh edit page
(untimed: the version field must be the current one) and the chapô is put
back at the end.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ADMIN = "/admin/articles/article/"
USERNAME = "bench-admin"
# What a save adds to the chapô (and what restore() takes off again).
BENCH_MARK = re.compile(r" \(banc d’essai \d+\)$")
# A word of the seed's titles (« Le gouvernement … », one in fifteen).
SEARCH = "gouvernement"


class FormFields(HTMLParser):
    """The name/value pairs a browser would send for the form ``form_id``
    (text inputs, hidden inputs, checked boxes, selected options,
    textareas), submit buttons left out."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.pairs: list[tuple[str, str]] = []
        self._select = self._textarea = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.pairs.append(
                (
                    name,
                    attrs.get("value")
                    or ("on" if kind in {"checkbox", "radio"} else ""),
                )
            )
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.pairs.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # A textarea's first newline belongs to the markup, not the value.
            self.pairs.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_data(html: str) -> dict:
    """The change form's fields as a dict for the test client (lists for
    repeated names)."""
    parser = FormFields("article_form")
    parser.feed(html)
    data: dict = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    return {
        name: values[0] if len(values) == 1 else values for name, values in data.items()
    }


def stats(response, queries, wall, cpu):
    wall.sort()
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": queries,
        "p50_ms": round(statistics.median(wall), 1),
        "p90_ms": round(wall[max(0, int(len(wall) * 0.9) - 1)], 1),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
    }


def timed(prepare, *, rounds):
    """``prepare()`` (untimed) gives the call to time: a warm-up, the
    queries of one call, then ``rounds`` timed calls."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    prepare()()
    call = prepare()
    with CaptureQueriesContext(connection) as captured:
        response = call()
    # Read now: the next request empties the query log.
    queries = len(captured)
    wall, cpu = [], []
    for _ in range(rounds):
        call = prepare()
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return stats(response, queries, wall, cpu)


def bench_superuser():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=USERNAME,
        defaults={"is_staff": True, "is_superuser": True, "email": ""},
    )
    if not (user.is_staff and user.is_superuser and user.is_active):
        user.is_staff = user.is_superuser = user.is_active = True
        user.save(update_fields=["is_staff", "is_superuser", "is_active"])
    return user


def bench_article():
    from articles.models import Article

    return (
        Article.objects.published()
        .filter(external_id__startswith="bench:")
        .order_by("-publish_at")
        .first()
    )


class Saver:
    """POSTs the article's change form with a new chapô, then puts it back."""

    def __init__(self, client, article):
        self.client, self.url = client, f"{ADMIN}{article.pk}/change/"
        # A run stopped mid-save left its mark: the chapô is the text before it.
        self.original = BENCH_MARK.sub("", article.standfirst)
        self.count = 0

    def fresh_form(self):
        response = self.client.get(self.url)
        assert response.status_code == 200, response.status_code
        return form_data(response.content.decode())

    def post(self, data):
        response = self.client.post(self.url, data | {"_save": "Enregistrer"})
        # Saved: back to the list. A 200 is the form again, with its errors.
        assert response.status_code == 302, _form_errors(response)
        return response

    def save_changed(self):
        """Untimed: a fresh form. Returns the timed call."""
        self.count += 1
        data = self.fresh_form()
        data["standfirst"] = f"{self.original} (banc d’essai {self.count})"
        return lambda: self.post(data)

    def restore(self):
        data = self.fresh_form()
        data["standfirst"] = self.original
        self.post(data)


def _form_errors(response):
    html = response.content.decode(errors="replace")
    return response.status_code, re.findall(
        r'<ul class="errorlist[^"]*">(.*?)</ul>', html
    )[:5]


def measure_one(rounds: int, screens: list[str] | None) -> dict:
    from bench.inprocess import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from articles.models import Article

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # without CACHE_URL
    # Production serves hashed names from a manifest: a new machine has none.
    call_command("collectstatic", interactive=False, verbosity=0)
    article = bench_article()
    assert article is not None, "no bench article: run bench/seed.py first"
    client = Client()
    client.force_login(bench_superuser())
    urls = {
        "list": ADMIN,
        "list, status filter": f"{ADMIN}?status__exact=published",
        f"list, search « {SEARCH} »": f"{ADMIN}?q={SEARCH}",
        "edit page": f"{ADMIN}{article.pk}/change/",
        "calendar": f"{ADMIN}calendrier/",
    }
    rows = {}
    for name, url in urls.items():
        if screens and name not in screens:
            continue
        rows[name] = timed(lambda url=url: lambda: client.get(url), rounds=rounds)
    if not screens or "save" in screens:
        saver = Saver(client, article)
        try:
            rows["save"] = timed(saver.save_changed, rounds=rounds)
        finally:
            saver.restore()
    return {
        "vendor": connection.vendor,
        "articles": Article.objects.count(),
        "load": os.getloadavg()[0],
        "rows": rows,
    }


def table(results: list[dict]) -> str:
    header = "".join(
        f" | {r['articles']:,} articles: p50 / p90 ms, CPU p50 (queries)"
        for r in results
    )
    lines = [f"| screen{header} |", "|---" * (len(results) + 1) + "|"]
    for name in results[0]["rows"]:
        cells = "".join(
            " | {p50_ms} / {p90_ms}, {cpu_p50_ms} ({queries})".format(**r["rows"][name])
            if name in r["rows"]
            else " | –"
            for r in results
        )
        lines.append(f"| {name}{cells} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=int(os.environ.get("ROUNDS", "20"))
    )
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument(
        "--screen", action="append", help="only this screen (repeatable)"
    )
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    urls = [u for u in os.environ.get("DATABASE_URLS", "").split(",") if u]
    if args.one or not urls:
        result = measure_one(args.rounds, args.screen)
        results = [result]
        if args.one:
            print(json.dumps(result, ensure_ascii=False))
            return
    else:
        results = []
        for url in urls:
            out = subprocess.run(  # noqa: S603 (this very script, fixed arguments)
                [
                    sys.executable,
                    "-m",
                    "bench.admin",
                    "--one",
                    "--rounds",
                    str(args.rounds),
                ]
                + [f"--screen={s}" for s in args.screen or []],
                env=os.environ | {"DATABASE_URL": url, "DATABASE_URLS": ""},
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    print(table(results))
    print(f"load average (1 min): {', '.join(f'{r["load"]:.2f}' for r in results)}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
