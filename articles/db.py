"""Portable SQL helpers for reader queries (SQLite and PostgreSQL)."""

import datetime as dt

from django.db.models import Aggregate, JSONField, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class JSONArrayAgg(Aggregate):
    """Aggregate rows into a JSON array: ``json_group_array`` on SQLite,
    ``jsonb_agg`` on PostgreSQL."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function="JSONB_AGG", **extra_context
        )


def json_rows(queryset, *, key, value):
    """A correlated subquery giving the rows of ``queryset`` as one JSON list.

    It lets a page load a few short child lists (an article's tags, its
    corrections) in the same query as the article itself, instead of one query
    per list. ``key`` is the column the rows share (their foreign key to the
    outer row); ``value`` is a ``JSONObject`` describing each row. Rows come
    back unordered (the caller sorts them) and the list is None when empty.
    """
    return Subquery(
        queryset.order_by()
        .values(key)
        .annotate(rows=JSONArrayAgg(value))
        .values("rows"),
        output_field=JSONField(),
    )


def json_datetime(value: str) -> dt.datetime:
    """A datetime read back from JSON (ISO text; naive means UTC, as SQLite stores it)."""
    parsed = parse_datetime(value)
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, dt.UTC)
    return parsed
