"""Article cards for lists (section, author and tag pages, search, the home
page): what a card shows, read by compiled queries, each card showing its
scheduled new version once that version's time has come."""

import functools

from django.db import models
from django.utils import timezone

from articles.models import Article, ScheduledChange
from website.compiled import (
    CompiledQuery,
    Many,
    attach_section,
    json_value,
    with_section,
)

# What a card shows of its article (the other fields are never read).
CARD_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "section_id",
    "hero_image_id",
    "hero_caption",
    "is_featured",
    "is_breaking",
    "publish_at",
    # A live coverage page's card carries « En direct » while it runs.
    "format",
)


def card(article, sections=None):
    """A card read with ``with_section()`` and ``with_due_versions()``:
    its section set (shared through ``sections``), its due version shown."""
    return attach_section(show_due_version(article), sections)


def show_due_version(article):
    """``article``, read with ``with_due_versions()``, showing its scheduled
    new version if that version's time has come (SQLite gives the JSON of a
    subquery as text)."""
    article.due_version = json_value(article.due_version)
    return article.show_due_version()


# Lists show at most this many articles on a page (and read one more).
LIST_SIZE = 21


@functools.cache
def _due_versions():
    return CompiledQuery(
        lambda now, ids: ScheduledChange.objects.filter(
            state=ScheduledChange.State.PENDING, apply_at__lte=now, article__in=ids
        ).only("article_id", "content", "apply_at"),
        now=models.DateTimeField(),
        ids=Many(models.BigIntegerField(), size=LIST_SIZE, padding=0),
    )


class CompiledList:
    """The articles of a list page (a section's, an author's, a tag's) for
    ``UncountedPaginator``: each slice it asks for is one compiled query of
    cards (no body, the section as columns, a due scheduled version shown).

    ``list_filter(articles, key)`` narrows the live articles to the list's
    (a function, the same for every page of that kind of list); ``key`` is
    the list's own id.
    """

    def __init__(self, list_filter, key, *, now=None):
        self.list_filter, self.key = list_filter, key
        self.now = now or timezone.now()

    def __getitem__(self, bounds: slice) -> list:
        query = _list_query(self.list_filter, bounds.start or 0, bounds.stop)
        sections = {}
        return [
            card(article, sections) for article in query(now=self.now, key=self.key)
        ]

    def exists(self) -> bool:
        return bool(self[0:1])


@functools.lru_cache(maxsize=256)
def _list_query(list_filter, start, stop):
    return CompiledQuery(
        lambda now, key: with_section(
            list_filter(Article.objects.published(now), key)
            .only(*CARD_FIELDS)
            .with_due_versions(now)
            .order_by("-publish_at", "-id")
        )[start:stop],
        now=models.DateTimeField(),
        key=models.BigIntegerField(),
    )
