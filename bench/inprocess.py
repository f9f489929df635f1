"""Django set up for the in-process bench scripts (bench/pages.py,
bench/wall.py): production settings, the page cache off, and by default a
scratch SQLite file for ``N`` articles (``DATABASE_URL`` chooses another)."""

import os
import statistics
import tempfile
from pathlib import Path


def setup_django() -> int:
    """Configure and set up Django; return N, the number of articles wanted."""
    n = int(os.environ.get("N", "1000"))
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:////var/tmp/newsday-bench-{n}.sqlite3"
    )
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault(
        "STATIC_ROOT", str(Path(tempfile.gettempdir()) / "newsday-bench-static")
    )
    os.environ["PAGE_CACHE"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsday.settings"

    import django

    django.setup()
    return n


def prepare_pages(n):
    """Migrate, collect static files (production serves hashed names from a
    manifest), seed up to ``n`` articles; return {page name: URL}."""
    from django.core.management import call_command
    from taggit.models import Tag

    from articles.models import Author
    from bench.pagestats import pick_urls
    from bench.seed import seed

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with open(os.devnull, "w") as devnull:
        seed(n, out=devnull)
    urls = pick_urls()
    urls["author"] = Author.objects.filter(slug="bench-0").get().get_absolute_url()
    urls["tag"] = f"/mots-cles/{Tag.objects.order_by('pk').first().slug}/"
    return urls


def measure(client, url, *, rounds, clock):
    """(response bytes, queries of a warm request, median ms by ``clock``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: templates compiled, connection open
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the next request resets the query log.
    query_count = len(queries)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(rounds):
        start = clock()
        client.get(url)
        times.append(clock() - start)
    return len(response.content), query_count, statistics.median(times) * 1000
