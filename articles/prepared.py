"""Querysets compiled to SQL once, then run with new values.

Building and compiling a queryset costs more CPU than running it: on the
article page, the ORM spent longer writing SQL than PostgreSQL spent answering
it. A ``PreparedQuery`` builds its queryset once per database with marker
values, keeps the SQL, and for each call swaps the markers' positions in the
parameter list for the real values. Rows come out through the queryset's own
iterable (model instances, or tuples for ``values_list()``), so
select_related, annotations and converters behave exactly as with the
queryset itself.

Only values declared as parameters may vary between calls: anything else
must give the same SQL every time (no lists of varying length).
"""

import copy
import datetime
import threading

from django.db import connections, router


def _marker(field, serial):
    """A value of ``field``'s type that no real query uses."""
    internal_type = field.get_internal_type()
    if internal_type == "DateTimeField":
        far = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
        return far + datetime.timedelta(microseconds=serial)
    if internal_type.endswith("IntegerField"):
        return -7_000_000 - serial
    return f"marker-{serial}-\ue000"


class PerDatabase:
    """``compute(alias)`` once per database alias, on first use,
    whichever thread asks first."""

    def __init__(self, compute):
        self._compute = compute
        self._done = {}
        self._lock = threading.Lock()

    def __getitem__(self, alias):
        if alias not in self._done:
            with self._lock:
                if alias not in self._done:
                    self._done[alias] = self._compute(alias)
        return self._done[alias]


class Many:
    """A list parameter of ``size`` values of ``field``'s type (an ``IN``):
    shorter lists are padded with ``padding`` (a value that matches
    nothing), longer ones cut to ``size``, so the SQL keeps one shape."""

    def __init__(self, field, *, size, padding):
        self.field, self.size, self.padding = field, size, padding

    def values(self, given):
        given = list(given)[: self.size]
        return given + [self.padding] * (self.size - len(given))


class PreparedQuery:
    """``build(**markers)`` returns the queryset; call with the real values.

    Each parameter is declared with a model field of its type (or ``Many``)::

        by_slug = PreparedQuery(
            lambda now, slug: Article.objects.published(now).filter(slug=slug),
            now=models.DateTimeField(),
            slug=models.SlugField(),
        )
        by_slug(now=timezone.now(), slug="un-titre")  # a list of articles
    """

    def __init__(self, build, **params):
        self.build = build
        self.params = params
        self._template_queryset = None
        self._compiled = PerDatabase(self._compile_for)

    def __call__(self, **values):
        queryset = self._template()
        alias = router.db_for_read(queryset.model)
        compiler, sql, marked_params, slots = self._compiled[alias]
        connection = connections[alias]
        params = list(marked_params)
        for (field, value), places in zip(
            self._slot_values(values), slots, strict=True
        ):
            value = field.get_db_prep_value(value, connection, prepared=False)
            for place in places:
                params[place] = value
        run = copy.copy(compiler)
        run.connection = connection
        run.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        return list(queryset._iterable_class(_Source(queryset, run, alias)))

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

    def _template(self):
        # Built once: per call, only its model and fetch mode are read.
        if self._template_queryset is None:
            self._template_queryset = self.build(**self._markers())
        return self._template_queryset

    def _compile_for(self, alias):
        queryset = self._template()
        connection = connections[alias]
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = []
        for field, marker in self._slot_values(self._markers()):
            marker = field.get_db_prep_value(marker, connection, prepared=False)
            places = [i for i, value in enumerate(params) if value == marker]
            if not places:
                raise ValueError(f"a parameter does not reach the SQL of {queryset!r}")
            slots.append(places)
        return compiler, sql, params, slots


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
