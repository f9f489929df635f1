"""The article admin's search (the list and the « À lire aussi »
autocomplete): each word of the query is looked for, as a part of a word,
in the title, the chapô or the URL slug, case and accents ignored
(« energie » finds « Énergie », « cœur » finds « Coeur »).

On PostgreSQL, the title and the chapô are matched in their folded copies
that PostgreSQL stores in the row (migrations ``search_title`` and
``admin_search``), each with a trigram index, as is the slug: a search
reads the index and the matching rows only, not the 100,000 articles (a
second at 100,000 articles before, see docs/benchmarks.md). The query's
words are folded by the same function as the columns (``newsday_unaccent``).

On SQLite, the columns are folded as they are read, by the function the
reader search registers on each connection (``website_fold``); no index
serves a search there.
"""

from django.db import connections
from django.db.models import F, Func, Q, TextField, Value
from django.utils.text import smart_split, unescape_string_literal

from core.search import StoredVector


class Folded(Func):
    """Lower case, without accents: as the stored folded columns are."""

    function = "LOWER"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        # The columns' own function (articles migration 0008), so that a
        # word and a column fold alike (« œ » as « oe »).
        return self.as_sql(
            compiler,
            connection,
            template="newsday_unaccent(lower(%(expressions)s))",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="website_fold", **extra)


class StoredFolded(StoredVector):
    """A folded copy of a column, stored in the row by PostgreSQL."""

    output_field = TextField()


def _folded_columns(vendor):
    if vendor == "postgresql":
        return StoredFolded("search_title"), StoredFolded("search_standfirst")
    return Folded(F("title")), Folded(F("standfirst"))


def _terms(text):
    """The words of the query; a quoted phrase stays whole, as in
    Django's own admin search."""
    for bit in smart_split(text):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1] and len(bit) > 1:
            bit = unescape_string_literal(bit)
        if bit.strip():
            yield bit


def articles_search(*, articles, text):
    """``articles`` whose title, chapô or slug holds every word of ``text``."""
    title, standfirst = _folded_columns(connections[articles.db].vendor)
    articles = articles.alias(_folded_title=title, _folded_standfirst=standfirst)
    for term in _terms(text):
        folded = Folded(Value(term))
        articles = articles.filter(
            Q(_folded_title__contains=folded)
            | Q(_folded_standfirst__contains=folded)
            | Q(slug__contains=folded)
        )
    return articles
