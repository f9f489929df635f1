"""How fast ``run_scheduled`` drains due events, with several workers at once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday uv run python bench/run_scheduled.py [N] [WORKERS]

Works in a throwaway test database (``test_<name>``), never in the real one.
Target: 1,000 overdue go-lives handled in under 10 s by 4 workers on
PostgreSQL, each exactly once.
"""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsday.settings_test")

import django

django.setup()

import datetime as dt  # noqa: E402

from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def main(count=1000, workers=4):
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from articles.models import Article, AuditEvent, Section
        from articles.services import scheduled_events_run

        section = Section.objects.create(name="Bench", slug="bench")
        now = timezone.now()
        Article.objects.bulk_create(
            Article(
                title=f"Article {n}",
                slug=f"article-{n}",
                body="<p>Texte.</p>",
                section=section,
                status=Article.Status.SCHEDULED,
                publish_at=now - dt.timedelta(seconds=n + 1),
            )
            for n in range(count)
        )
        handled = []

        def worker():
            try:
                handled.extend(scheduled_events_run())
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker) for _ in range(workers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        went_live = AuditEvent.objects.filter(action="went_live").count()
        print(
            f"{connection.vendor}: {len(handled)} events by {workers} workers in "
            f"{elapsed:.2f} s ({len(handled) / elapsed:.0f}/s); "
            f"audit events: {went_live}; duplicates: {len(handled) - len({e.article_id for e in handled})}"
        )

    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
