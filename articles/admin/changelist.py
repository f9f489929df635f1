"""The article list at newsroom scale: rows read in a constant number of
queries, and a count that does not read the whole archive.

Counting 100,000 articles reads the whole table (30 to 40 ms on
PostgreSQL, and it grows with the archive), and Django counts twice (the
filtered list and the whole table). The list counts once
(``show_full_result_count = False`` on the admin). On PostgreSQL, a list
filtered on the article's own columns only (``may_estimate``) for which the
planner expects at least ``ESTIMATE_FROM`` rows shows the planner's
estimate (``EXPLAIN``, from the table's statistics), rounded to the
thousand: « environ 97 000 articles ». Anything else, and everything on
SQLite, is counted exactly. A search's estimate is rough (twice the truth
for « gouvernement »), and counting its matches reads the trigram indexes
and the matching rows only (47 ms for 6,700 matches at 100,000 articles);
counting only up to a thousand was tried, and the planner then chose to
read the table (170 ms). See docs/benchmarks.md, « Admin at 100,000
articles ».
"""

import json

from django.contrib.admin.views.main import (
    ALL_VAR,
    IS_FACETS_VAR,
    IS_POPUP_VAR,
    ORDER_VAR,
    PAGE_VAR,
    ChangeList,
)
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.functional import cached_property

from articles.models import Article, ArticleAuthor, AuditEvent
from articles.services.rights import sees_all_articles
from core.formats import french_number
from images.models import renditions_prefetch
from images.renditions import THUMBNAIL_SPEC

# Below this many rows, counting exactly is cheap enough (an index or a
# few pages); above it, a journalist needs the order of magnitude only.
ESTIMATE_FROM = 10_000
# The list's filters on the article's own columns (see may_estimate), and
# the parameters that page or sort the list without filtering it.
ESTIMATED_FILTERS = {
    "status",
    "section",
    "format",
    "is_featured",
    "is_breaking",
    "publish_at",
    "annee",
}
LIST_PARAMETERS = {ALL_VAR, ORDER_VAR, PAGE_VAR, IS_POPUP_VAR, IS_FACETS_VAR}

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
    """Counts exactly, or, when ``may_estimate`` and the planner expects a
    long list, gives its estimate, which ``count_label`` then says
    (« environ 97 000 »)."""

    count_label = ""

    def __init__(self, *args, may_estimate=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_estimate = may_estimate

    @cached_property
    def count(self):
        if self.may_estimate:
            estimate = planner_estimate(self.object_list)
            if estimate is not None and estimate >= ESTIMATE_FROM:
                count = round(estimate, -3)
                self.count_label = f"environ {french_number(count)}"
                return count
        return super().count


def may_estimate(request) -> bool:
    """Whether the planner's estimate of this list can stand for its count:
    for those who see every article, filtered only on the article's own
    columns, whose statistics PostgreSQL keeps. Not for a search (its
    estimate is rough: twice the truth for « gouvernement »), nor « Mes
    articles » or an author (a subquery or a join, whose estimate can be
    thousands for a handful of articles)."""
    if not sees_all_articles(request.user):
        return False
    return all(
        key in LIST_PARAMETERS or key.split("__")[0] in ESTIMATED_FILTERS
        for key in request.GET
    )


def paginator_for(request, queryset, per_page, **kwargs):
    """The list's paginator, and the « À lire aussi » autocomplete's."""
    return ArticlePaginator(
        queryset, per_page, may_estimate=may_estimate(request), **kwargs
    )


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

    # « 6 719 », or « environ 97 000 » when estimated.
    count_label = ""

    def get_results(self, request):
        super().get_results(request)
        self.count_label = self.paginator.count_label or french_number(
            self.result_count
        )
        # Only the page's rows: bulk actions get the list's queryset whole.
        self.result_list = self.result_list.defer("body").prefetch_related(
            Prefetch("bylines", ArticleAuthor.objects.select_related("author")),
            renditions_prefetch("hero_image__renditions", [THUMBNAIL_SPEC.name]),
        )
