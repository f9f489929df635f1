"""Reader queries compiled to SQL once per process, then run with new values.

Building and compiling a queryset costs the ORM more CPU than the database
spends answering it: the article page's main query took 2.5 ms of Python to
build and 0.3 ms to run. A ``CompiledQuery`` asks the ORM for a queryset's
SQL once per database, with marker values where the real ones will go, and
then runs that SQL with each request's values through ``Manager.raw()``.
docs/design/compiled-queries.md gives the figures.

Only Django's documented APIs are used:

- the SQL is taken from the ORM through ``connection.execute_wrapper()`` (the
  database instrumentation hook): the wrapper keeps the statement that
  carries the markers and stops it before it is sent;
- values are converted for the database with ``Field.get_db_prep_value()``;
- rows become model instances through ``Manager.raw()``, which applies the
  fields' converters and defers the columns the query did not read.

So the SQL text is never edited: the markers only tell which parameters to
replace. Only values declared as parameters may vary between calls: anything
else must give the same SQL every time (``Many`` pads a list to a fixed
length). A select_related() join cannot be read by ``raw()``: annotate the
related columns instead (``with_section()``).
"""

import datetime as dt
import json
import threading
from contextlib import contextmanager, nullcontext

from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Section


class _Captured(Exception):
    """Raised by the wrapper to stop the compiled statement being sent."""

    def __init__(self, sql, params):
        super().__init__(sql)
        self.sql, self.params = sql, list(params)


def _marker(field, serial):
    """A value of ``field``'s type that no real query uses."""
    internal_type = field.get_internal_type()
    if internal_type == "DateTimeField":
        far = dt.datetime(2999, 1, 1, tzinfo=dt.UTC)
        return far + dt.timedelta(microseconds=serial)
    if internal_type.endswith("IntegerField") or internal_type == "AutoField":
        return -7_000_000 - serial
    return f"marker-{serial}-\ue000"


class Many:
    """A list parameter of ``size`` values of ``field``'s type (an ``IN``):
    shorter lists are padded with ``padding`` (a value that matches
    nothing), longer ones cut to ``size``, so the SQL keeps one shape."""

    def __init__(self, field, *, size, padding):
        self.field, self.size, self.padding = field, size, padding

    def values(self, given):
        given = list(given)[: self.size]
        return given + [self.padding] * (self.size - len(given))


class CompiledQuery:
    """``build(**values)`` returns the queryset; call with the real values
    to get its rows as model instances (a list).

    Each parameter is declared with a model field of its type, or ``Many``::

        by_slug = CompiledQuery(
            lambda now, slug: Article.objects.published(now).filter(slug=slug),
            now=models.DateTimeField(),
            slug=models.SlugField(),
        )
        by_slug(now=timezone.now(), slug="un-titre")
    """

    def __init__(self, build, *, generic_plan=False, **params):
        self.build = build
        self.params = params
        # PostgreSQL re-plans a prepared statement at every run while its
        # custom plans look cheaper than the generic one; for some a
        # generic plan is as good and saves the planning
        # (docs/design/generic-plans.md).
        self.generic_plan = generic_plan
        self._compiled = {}  # database alias -> (sql, params, slots)
        self._built_model = None
        self._lock = threading.Lock()

    def __call__(self, **values):
        """The rows as model instances (``Manager.raw()``)."""
        alias, sql, params = self._statement(values)
        with self._planned(alias):
            return list(self._model()._default_manager.raw(sql, params, using=alias))

    def rows(self, **values):
        """The rows as tuples, for a caller that builds only some of them:
        what the database driver returns, datetimes made aware (SQLite
        gives naive UTC ones, as the ORM's own converter assumes)."""
        alias, sql, params = self._statement(values)
        with self._planned(alias), connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            return [tuple(map(_aware, row)) for row in cursor.fetchall()]

    def _planned(self, alias):
        """With ``generic_plan``, on PostgreSQL: a transaction in which the
        statement runs on its generic plan (``SET LOCAL plan_cache_mode``, in
        one statement: server-side binding refuses several in one call)."""
        connection = connections[alias]
        if not (self.generic_plan and connection.vendor == "postgresql"):
            return nullcontext()
        return _generic_plan(alias)

    def _statement(self, values):
        alias = router.db_for_read(self._model())
        sql, template, slots = self._compiled_for(alias)
        connection = connections[alias]
        params = list(template)
        for (field, value), places in zip(
            self._slot_values(values), slots, strict=True
        ):
            value = field.get_db_prep_value(value, connection, prepared=False)
            for place in places:
                params[place] = value
        return alias, sql, params

    def _model(self):
        if self._built_model is None:
            self._built_model = self.build(**self._markers()).model
        return self._built_model

    def _slot_values(self, values):
        """(field, value) for each value the SQL takes, in a fixed order."""
        for name, param in self.params.items():
            if isinstance(param, Many):
                for value in param.values(values[name]):
                    yield param.field, value
            else:
                yield param, values[name]

    def _markers(self):
        serial = iter(range(1, 1_000_000))
        markers = {}
        for name, param in self.params.items():
            if isinstance(param, Many):
                markers[name] = [
                    _marker(param.field, next(serial)) for _ in range(param.size)
                ]
            else:
                markers[name] = _marker(param, next(serial))
        return markers

    def _compiled_for(self, alias):
        if alias not in self._compiled:
            with self._lock:
                if alias not in self._compiled:
                    self._compiled[alias] = self._compile(alias)
        return self._compiled[alias]

    def _compile(self, alias):
        connection = connections[alias]
        markers = self._markers()
        prepared = [
            field.get_db_prep_value(marker, connection, prepared=False)
            for field, marker in self._slot_values(markers)
        ]

        seen = []

        def capture(execute, sql, params, many, context):
            # Statements the ORM runs on its own while compiling (feature
            # checks) carry no marker: they go through. The one that does is
            # kept and never sent. A query without parameters runs once.
            if prepared and any(value in prepared for value in params or ()):
                raise _Captured(sql, params)
            seen.append((sql, list(params or ())))
            return execute(sql, params, many, context)

        queryset = self.build(**markers).using(alias)
        try:
            with connection.execute_wrapper(capture):
                list(queryset)
        except _Captured as captured:
            sql, params = captured.sql, captured.params
        else:
            if prepared or not seen:
                raise ValueError(f"no SQL was captured for {queryset!r}")
            sql, params = seen[-1]
        slots = []
        for value in prepared:
            places = [i for i, param in enumerate(params) if param == value]
            if not places:
                raise ValueError("a parameter does not reach the SQL")
            slots.append(places)
        return sql, params, slots


@contextmanager
def _generic_plan(alias):
    connection = connections[alias]
    nested = connection.in_atomic_block
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('plan_cache_mode'),"
            " set_config('plan_cache_mode', 'force_generic_plan', true)"
        )
        (before, _) = cursor.fetchone()
        yield
        if nested:
            # Inside a caller's transaction, SET LOCAL would outlive this
            # statement: put the caller's setting back.
            cursor.execute("SELECT set_config('plan_cache_mode', %s, true)", [before])


def _aware(value):
    if isinstance(value, dt.datetime) and timezone.is_naive(value):
        return timezone.make_aware(value, dt.UTC)
    return value


def with_section(queryset):
    """``queryset`` reading its rows' section name and slug as columns (what
    ``raw()`` can read, unlike a join); ``attach_section()`` turns them back
    into ``article.section``."""
    return queryset.annotate(
        section_name=F("section__name"), section_slug=F("section__slug")
    )


def json_value(value):
    """A JSON column as ``raw()`` or ``rows()`` read it: already decoded by
    PostgreSQL's driver, text on SQLite."""
    return json.loads(value) if isinstance(value, str) else value


def known_section(known, section_id, name, slug):
    """The ``Section`` of a row read as columns, shared by the rows of one
    list through ``known`` (id -> Section), or a new one when ``known`` is
    None."""
    section = known.get(section_id) if known is not None else None
    if section is None:
        section = Section.from_db(
            None, ["id", "name", "slug"], [section_id, name, slug]
        )
        if known is not None:
            known[section_id] = section
    return section


def attach_section(article, known=None):
    """Set ``article.section`` from the columns ``with_section()`` read;
    rows of one list share their ``Section`` through ``known``."""
    article.section = known_section(
        known, article.section_id, article.section_name, article.section_slug
    )
    return article
