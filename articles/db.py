"""Portable SQL helpers for reader queries (SQLite and PostgreSQL)."""

import copy
import datetime as dt

from django.db import connections
from django.db.models import Aggregate, JSONField, Max, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.prepared import PerDatabase


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


def loose_index_scan(queryset, *, key, latest, start=None):
    """The distinct values of ``key`` among ``queryset``'s rows, highest
    first, each with the highest ``latest`` of its rows: a list of
    ``(key, latest)`` pairs, in one query. PostgreSQL only.

    PostgreSQL (15) has no skip scan: a GROUP BY would read every row. Here a
    recursive CTE steps from one key down to the next lower one. With an
    index on (``key``, ``latest``) that holds ``queryset``'s filters, each
    step is one probe that stops at its first row, which holds both the next
    key and its highest ``latest``: the cost grows with the number of keys,
    not of rows. Both expressions must be written exactly as in the index,
    and rows where either is NULL are left out.

    ``start`` (fields for ``order_by``) orders the rows so that the first one
    holds the highest key, through another index: the walk then begins there
    instead of stepping over the rows with a higher key that the filters
    reject (articles scheduled next month).

    The values are written into the SQL. With server-side binding (settings)
    PostgreSQL may run a query with a generic plan, where a parameter inside
    an expression no longer matches the index's expression, nor
    ``status IN ($1, $2)`` a partial index's condition: the probes would
    become a scan of the table.

    Building and compiling the query costs several times what PostgreSQL
    takes to run it: ``LooseIndexScan`` compiles it once.
    """
    connection = connections[queryset.db]
    query, compiler, converters = _loose_index_scan_sql(
        queryset, connection, key=key, latest=latest, start=start
    )
    return _fetch(query, compiler, converters, connection)


class LooseIndexScan:
    """``loose_index_scan`` of ``build(at)``, a queryset that depends on one
    moment only (``published(at)``), with its SQL built once per database.

    The values must stay written into the SQL (see ``loose_index_scan``), so
    this is not a prepared statement with a bound parameter: the query is
    compiled with a marker moment, and each call writes its moment's literal
    where the marker's stands. What PostgreSQL receives is the SQL that
    ``loose_index_scan(build(at), …)`` would send.
    """

    # No real query asks about this moment.
    MARKER = dt.datetime(2999, 1, 1, 0, 0, 0, 123_457, tzinfo=dt.UTC)

    def __init__(self, build, *, key, latest, start=None):
        self.build = build
        self.options = {"key": key, "latest": latest, "start": start}
        self._compiled = PerDatabase(self._compile_for)

    def __call__(self, at, *, using):
        parts, compiler, converters = self._compiled[using]
        connection = connections[using]
        query = _literal(at, connection).join(parts)
        return _fetch(query, compiler, converters, connection)

    def _compile_for(self, alias):
        connection = connections[alias]
        query, compiler, converters = _loose_index_scan_sql(
            self.build(self.MARKER).using(alias), connection, **self.options
        )
        parts = query.split(_literal(self.MARKER, connection))
        if len(parts) < 2:
            raise ValueError("the moment does not reach the SQL")
        return parts, compiler, converters


def _literal(value, connection):
    """``value`` as an SQL literal, as ``compose_sql`` writes it."""
    return connection.ops.compose_sql("%s", (value,))


def _loose_index_scan_sql(queryset, connection, *, key, latest, start):
    """The SQL of ``loose_index_scan`` with its values written in, and what
    turns its rows into Python values."""
    rows = (
        queryset.order_by()
        .annotate(skip_key=key, skip_latest=latest)
        .filter(skip_key__isnull=False, skip_latest__isnull=False)
    )
    newest_first = rows.order_by("-skip_key", "-skip_latest").values(
        "skip_key", "skip_latest"
    )
    key_field = rows.query.annotations["skip_key"].output_field
    cte, column = connection.ops.quote_name("skip_keys"), connection.ops.quote_name("k")
    # The key of the CTE's current row, for the step: constant names only.
    current = RawSQL(f"{cte}.{column}", (), output_field=key_field)  # noqa: S611
    if start:
        top = rows.order_by(*start).values("skip_key")[:1]
        newest_first_top = newest_first.filter(skip_key=Subquery(top))
    else:
        newest_first_top = newest_first
    first, first_params = _compiled(newest_first_top[:1], connection)
    step, step_params = _compiled(
        newest_first.filter(skip_key__lt=current)[:1], connection
    )
    # Compiled querysets and constant names; the values are in the params.
    query = connection.ops.compose_sql(
        f"WITH RECURSIVE {cte}({column}, latest) AS ("  # noqa: S608
        f"({first}) UNION ALL"
        f" SELECT step.* FROM {cte}, LATERAL ({step}) step"
        f") SELECT {column}, latest FROM {cte} ORDER BY {column} DESC",
        (*first_params, *step_params),
    )
    # The ORM's own converters turn database values into Python ones (an
    # aware datetime for a TruncMonth).
    compiler = rows.query.get_compiler(connection=connection)
    converters = compiler.get_converters(
        [rows.query.annotations["skip_key"], rows.query.annotations["skip_latest"]]
    )
    return query, compiler, converters


def _fetch(query, compiler, converters, connection):
    with connection.cursor() as cursor:
        cursor.execute(query)
        found = cursor.fetchall()
    # The compiler may come from another thread: convert with this one's
    # connection.
    compiler = copy.copy(compiler)
    compiler.connection = connection
    return [tuple(row) for row in compiler.apply_converters(found, converters)]


def _compiled(queryset, connection):
    return queryset.query.get_compiler(connection=connection).as_sql()


def grouped_latest(queryset, *, key, latest):
    """What ``loose_index_scan`` returns, by a GROUP BY: one pass over every
    row, for databases whose planner would not probe the index key by key."""
    return list(
        queryset.order_by()
        .annotate(skip_key=key, skip_latest=latest)
        .filter(skip_key__isnull=False, skip_latest__isnull=False)
        .values("skip_key")
        .annotate(skip_last=Max("skip_latest"))
        .order_by("-skip_key")
        .values_list("skip_key", "skip_last")
    )
