"""The live the bench scripts measure (bench/live.py, bench/live_edge.py):
made once in a database, found again by its ``external_id``.

On a shared database seeded before (bench/seed.py), these are the only rows
the live benches add: ``bench-live:`` and not ``bench:``, which bench/seed.py
counts as its articles and bench/pagestats.py picks the article page from.
"""

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

EXTERNAL_ID = "bench-live:"
LIVE_SLUG = "bench-direct"


def bench_live(entries: int, *, scratch: bool):
    """The bench's live (made once, reused), with ``entries`` entries over
    the last hours: a tenth important, a few with a title, two pinned."""
    from articles.models import Article

    live = Article.objects.filter(external_id=f"{EXTERNAL_ID}{entries}").first()
    if live is None and scratch:
        # A scratch file made before the live had an ``external_id``.
        live = Article.objects.filter(slug=LIVE_SLUG).first()
    if live is None:
        # All or nothing: a run stopped halfway leaves no live to reuse.
        with transaction.atomic():
            live = _make_live(entries)
        # Statistics for the new rows, as bench/seed.py does: the planner
        # otherwise takes the live's entries for a handful.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE live_liveentry")
    return live


def _make_live(entries):
    from articles.models import Article, Author, Section
    from live.models import LiveCoverage, LiveEntry

    now = timezone.now()
    live = Article.objects.create(
        title="Direct du banc d’essai : la journée en continu",
        slug=LIVE_SLUG,
        external_id=f"{EXTERNAL_ID}{entries}",
        standfirst="Un direct de mesure, fait d’entrées courtes.",
        body="<p>Ce direct sert aux mesures de performance.</p>",
        section=Section.objects.order_by("pk").first(),
        format=Article.Format.LIVE,
        status=Article.Status.PUBLISHED,
        publish_at=now - dt.timedelta(hours=10),
    )
    # Tagged like the bench's articles (« À lire aussi » reads the tags).
    live.tags.add(
        *Article.objects.filter(external_id__startswith="bench:").first().tags.all()
    )
    LiveCoverage.objects.create(
        article=live, summary="Premier point\nDeuxième point\nTroisième point"
    )
    authors = list(Author.objects.order_by("pk")[:6])
    LiveEntry.objects.bulk_create(
        LiveEntry(
            article=live,
            author=authors[i % len(authors)],
            title=f"Point numéro {i}" if i % 7 == 0 else "",
            body=f"<p>Entrée {i} : <strong>un fait</strong>, une source, "
            "une précision de lieu et d’heure, en deux ou trois phrases "
            "comme en écrit un journaliste sur le terrain.</p>",
            is_important=i % 10 == 0,
            is_pinned=i in (3, 400),
            publish_at=now - dt.timedelta(seconds=30 * (entries - i)),
        )
        for i in range(entries)
    )
    return live
