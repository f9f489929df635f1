"""The article list at newsroom scale: rows read in a constant number of
queries, and a count that does not read the whole archive.

Counting 100,000 articles reads the whole table (30 to 40 ms on
PostgreSQL, and it grows with the archive), and Django counts twice (the
filtered list and the whole table). The list counts once
(``show_full_result_count = False`` on the admin), and on PostgreSQL, when
the planner expects at least ``ESTIMATE_FROM`` rows and no search is
active, it shows the planner's estimate (from the table's statistics,
``EXPLAIN``) rounded to the thousand: « environ 97 000 articles ». Below
that, or on SQLite, the count is exact. A search is counted exactly: its
estimate is rough (twice the truth for « gouvernement »), and counting its
matches reads the trigram indexes and the matching rows only (47 ms for
6,700 matches at 100,000 articles). Counting only up to a thousand was
tried: the planner then expects to find them early in a sequential scan
and reads the table instead (170 ms). See docs/benchmarks.md, « Admin at 100,000 articles ».
"""

import json

from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.functional import cached_property

from articles.models import Article, ArticleAuthor, AuditEvent
from core.formats import french_number
from images.models import renditions_prefetch
from images.renditions import THUMBNAIL_SPEC

# Below this many rows, counting exactly is cheap enough (an index or a
# few pages); above it, a journalist needs the order of magnitude only.
ESTIMATE_FROM = 10_000

# The editorial steps that say whether a draft came back from review.
REVIEW_ACTIONS = [
    AuditEvent.Action.SUBMITTED,
    AuditEvent.Action.SENT_BACK,
    AuditEvent.Action.SCHEDULED,
    AuditEvent.Action.PUBLISHED,
]


def with_last_review(articles):
    """``last_review`` (action) and ``last_review_comment`` of each article."""
    review = AuditEvent.objects.filter(
        article=OuterRef("pk"), action__in=REVIEW_ACTIONS
    ).order_by("-created_at", "-id")
    return articles.annotate(
        last_review=Subquery(review.values("action")[:1]),
        last_review_comment=Subquery(review.values("comment")[:1]),
    )


def planner_estimate(queryset) -> int | None:
    """How many rows PostgreSQL's planner expects ``queryset`` to return
    (None on other databases)."""
    if connections[queryset.db].vendor != "postgresql":
        return None
    plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class ArticlePaginator(Paginator):
    """Counts exactly, except a long list without a search: the planner's
    estimate, which ``count_label`` then says (« environ 97 000 »)."""

    count_label = ""

    def __init__(self, *args, searching=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.searching = searching

    @cached_property
    def count(self):
        if not self.searching:
            estimate = planner_estimate(self.object_list)
            if estimate is not None and estimate >= ESTIMATE_FROM:
                count = round(estimate, -3)
                self.count_label = f"environ {french_number(count)}"
                return count
        return super().count


def paginator_for(request, queryset, per_page, **kwargs):
    """The list's paginator, and the autocomplete's (« À lire aussi »):
    a search's count is exact, never estimated."""
    # The autocomplete's words come as ``term``, the list's as ``q``.
    searching = bool(request.GET.get(SEARCH_VAR) or request.GET.get("term"))
    return ArticlePaginator(queryset, per_page, searching=searching, **kwargs)


class ArticleChangeList(ChangeList):
    """The article list: trashed articles left out (they have their own
    page, articles/admin/trash.py), each row with its last review, and the
    page's rows read with their bylines and thumbnails in a fixed number of
    queries."""

    def get_queryset(self, request, exclude_parameters=None):
        return with_last_review(
            super()
            .get_queryset(request, exclude_parameters)
            .exclude(status=Article.Status.TRASHED)
        )

    # « environ 97 000 », or empty when exact.
    count_label = ""

    def get_results(self, request):
        super().get_results(request)
        self.count_label = self.paginator.count_label
        # Only the page's rows: bulk actions get the list's queryset whole.
        self.result_list = self.result_list.defer("body").prefetch_related(
            Prefetch("bylines", ArticleAuthor.objects.select_related("author")),
            renditions_prefetch("hero_image__renditions", [THUMBNAIL_SPEC.name]),
        )
