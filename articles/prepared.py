"""Querysets compiled to SQL once, then run with new values.

Building and compiling a queryset costs more CPU than running it: on the
article page, the ORM spent longer writing SQL than PostgreSQL spent answering
it. A ``PreparedQuery`` builds its queryset once per database with marker
values, keeps the SQL, and for each call swaps the markers' positions in the
parameter list for the real values. Rows become model instances through the
ORM's own iterable, so select_related, annotations and converters behave
exactly as with the queryset itself.

Only values declared as parameters may vary between calls: anything else
must give the same SQL every time (no lists of varying length).
"""

import copy
import datetime
import threading

from django.db import connections, router
from django.db.models.query import ModelIterable


class _Param:
    """A value the SQL takes at run time, prepared for the database as
    ``field`` (an unbound model field: its type is what matters) prepares it."""

    def __init__(self, field, serial):
        self.field = field
        internal_type = field.get_internal_type()
        if internal_type == "DateTimeField":
            far = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
            self.marker = far + datetime.timedelta(microseconds=serial)
        elif internal_type.endswith("IntegerField"):
            self.marker = -7_000_000 - serial
        else:
            self.marker = f"marker-{serial}-\ue000"

    def prepare(self, value, connection):
        return self.field.get_db_prep_value(value, connection, prepared=False)


class PreparedQuery:
    """``build(**markers)`` returns the queryset; call with the real values.

    Each parameter is declared with a model field of its type::

        by_slug = PreparedQuery(
            lambda now, slug: Article.objects.published(now).filter(slug=slug),
            now=models.DateTimeField(),
            slug=models.SlugField(),
        )
        by_slug(now=timezone.now(), slug="un-titre")  # a list of articles
    """

    def __init__(self, build, **fields):
        self.build = build
        self.params = {
            name: _Param(field, serial)
            for serial, (name, field) in enumerate(fields.items(), start=1)
        }
        self._template_queryset = None
        self._compiled = {}
        self._lock = threading.Lock()

    def __call__(self, **values):
        queryset = self._template()
        alias = router.db_for_read(queryset.model)
        compiler, sql, marked_params, positions = self._compile(alias)
        connection = connections[alias]
        params = list(marked_params)
        for name, places in positions.items():
            value = self.params[name].prepare(values[name], connection)
            for place in places:
                params[place] = value
        run = copy.copy(compiler)
        run.connection = connection
        run.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        return list(ModelIterable(_Source(queryset, run, alias)))

    def _template(self):
        # Built once: per call, only its model and fetch mode are read.
        if self._template_queryset is None:
            markers = {name: param.marker for name, param in self.params.items()}
            self._template_queryset = self.build(**markers)
        return self._template_queryset

    def _compile(self, alias):
        if alias not in self._compiled:
            with self._lock:
                if alias not in self._compiled:
                    self._compiled[alias] = self._compile_for(alias)
        return self._compiled[alias]

    def _compile_for(self, alias):
        queryset = self._template()
        connection = connections[alias]
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        positions = {}
        for name, param in self.params.items():
            marker = param.prepare(param.marker, connection)
            places = [i for i, value in enumerate(params) if value == marker]
            if not places:
                raise ValueError(f"{name!r} does not reach the SQL of {queryset!r}")
            positions[name] = places
        return compiler, sql, params, positions


class _Source:
    """What ``ModelIterable`` reads of a queryset, with our compiler."""

    def __init__(self, queryset, compiler, alias):
        self.db = alias
        self.model = queryset.model
        self._fetch_mode = queryset._fetch_mode
        self._known_related_objects = {}
        self.query = _CompiledQuery(compiler)


class _CompiledQuery:
    def __init__(self, compiler):
        self.compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self.compiler
