"""What each speed technique of the reader pages buys, measured on and off
in the same process, in turns (on, off, on, off…), median CPU time per call:
the figures of docs/design/.

    uv run python bench/tricks.py                   # 1,000 articles in a scratch SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench_1000 uv run python bench/tricks.py

Each row compares the code the site runs ("kept") with the plain Django it
replaces ("plain"), for the same result:

- compiled article query: ``website.compiled`` against the same queryset
  built and compiled by the ORM at each call;
- article lists in the row: the article with its bylines, tags, corrections
  and links as JSON lists in one compiled query, against the same article
  read with ``prefetch_related`` (five queries, which cannot be compiled);
- compiled « À lire aussi », home page and menu: as the first row;
- sitemap index: from the shared cache, against its GROUP BY query and
  rendering;
- cached links: ``core.links.cached_reverse`` against ``reverse()``.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.inprocess import setup_django

N = setup_django()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Prefetch  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, ArticleAuthor, Section  # noqa: E402
from core.links import cached_reverse  # noqa: E402
from website import context_processors, front_page, queries, sitemaps  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "200"))
TURNS = 5


def timed(function):
    """Median (CPU ms, wall ms) of ``ROUNDS`` calls: CPU is this process's
    work, wall adds the database's."""
    function()  # warm-up: compiled, connection open
    cpu, wall = [], []
    for _ in range(ROUNDS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def compare(kept, plain):
    """Medians of each over ``TURNS`` turns, measured in turns."""
    kept_runs, plain_runs = [], []
    for _ in range(TURNS):
        kept_runs.append(timed(kept))
        plain_runs.append(timed(plain))
    return [
        statistics.median(run[i] for run in runs)
        for runs in (kept_runs, plain_runs)
        for i in (0, 1)
    ]


def main():
    from bench.inprocess import prepare_pages

    prepare_pages(N)
    article = Article.objects.published().order_by("-publish_at", "-id").first()
    slug = article.slug
    page = queries.live_article(slug)
    tag_ids = [tag.pk for tag in queries.Parts.of(page).tags]
    sections = [section.pk for section in Section.objects.filter(is_active=True)]

    def orm_article():
        now = timezone.now()
        found = (
            queries.with_lists(
                Article.objects.published(now).select_related("section"),
                *queries.ALL_LISTS,
            )
            .with_due_versions(now)
            .filter(slug=slug)
            .first()
        )
        return queries.Parts.of(found)

    def prefetched_article():
        now = timezone.now()
        found = (
            Article.objects.published(now)
            .select_related("section")
            .prefetch_related(
                Prefetch(
                    "bylines", queryset=ArticleAuthor.objects.select_related("author")
                ),
                "tags",
                "corrections",
                "related_links",
            )
            .filter(slug=slug)
            .first()
        )
        return list(found.bylines.all()), list(found.tags.all())

    def orm_read_also():
        now = timezone.now()
        live = Article.objects.published(now)
        pools = live.related_to(page.section_id, tag_ids, limit=4)
        linked = page.related_links.values("target")
        return list(
            live.filter(pk__in=linked.union(*pools, all=True))
            .select_related("section")
            .only(*queries.READ_ALSO_FIELDS, "section__slug")
        )

    def orm_front_page():
        now = timezone.now()
        live = Article.objects.published(now).for_cards().with_due_versions(now)
        newest = live.order_by("-publish_at", "-id")
        top = list(newest.filter(is_featured=True).with_hero_image()[:5])
        shown = [a.pk for a in top]
        others = list(newest.exclude(pk__in=shown)[:10])
        shown += [a.pk for a in others]
        blocks = list(
            Article.objects.published(now)
            .exclude(pk__in=shown)
            .latest_by_section(sections, per_section=4)
            .for_cards()
            .with_due_versions(now)
        )
        return top, others, blocks

    def kept_front_page():
        return front_page.front_page(sections, featured=5, latest=10, per_section=4)

    rows = [
        (
            "article query",
            lambda: queries.Parts.of(queries.live_article(slug)),
            orm_article,
        ),
        (
            "article and lists in one query vs prefetch",
            lambda: queries.Parts.of(queries.live_article(slug)),
            prefetched_article,
        ),
        (
            "« À lire aussi »",
            lambda: queries.read_also(page, tag_ids=tag_ids, limit=4),
            orm_read_also,
        ),
        ("home page queries", kept_front_page, orm_front_page),
        (
            "menu",
            lambda: context_processors._menu(),
            lambda: list(Section.objects.filter(is_active=True)),
        ),
        ("sitemap index", sitemaps.index.get, sitemaps.render_index),
        (
            "menu from its reader copy",
            context_processors.menu,
            context_processors._menu,
        ),
        (
            "link to a section",
            lambda: cached_reverse("website:section", slug="politique"),
            lambda: reverse("website:section", kwargs={"slug": "politique"}),
        ),
    ]
    cache.clear()
    count = Article.objects.count()
    print(
        f"{count} articles, {connection.vendor}; medians of {TURNS} turns, ms per call"
    )
    print(
        f"{'technique':<44} {'kept CPU':>9} {'plain CPU':>9} {'kept wall':>9} {'plain wall':>10}"
    )
    for name, kept, plain in rows:
        kept_cpu, kept_wall, plain_cpu, plain_wall = compare(kept, plain)
        print(
            f"{name:<44} {kept_cpu:>9.3f} {plain_cpu:>9.3f} {kept_wall:>9.3f} {plain_wall:>10.3f}"
        )


if __name__ == "__main__":
    main()
