"""Reader search: PostgreSQL French full-text search, a plain fallback elsewhere.

On PostgreSQL a query matches an article's title, chapô and text through the
``french_unaccent`` text-search configuration (French stemming, accents
ignored: « economie » finds « Économie »), or, when that finds nothing, its
title by trigram word similarity, which forgives a typo. Results are ranked
(title before chapô before text, then newest first), and carry a highlighted
excerpt.

Nothing is computed over the archive at query time: the document is a stored,
GIN-indexed column (migration ``search_document``), ranking reads a small
stored summary (title and chapô) kept in the row, and only the page's 20
excerpts are built (from the chapô alone when the title or chapô matches).
Only the newest ``MAX_RESULTS`` matches are ranked, and they are looked for
in the last month first, then the last year, then the rest of the archive: a
common word costs no more on a large archive than on a small one. The
typo-forgiving title match is tried only when the words find nothing; it
reads a folded title stored in the row, with its own trigram index
(migration ``search_title``). Rubrique and author names are matched by a
small query of their own, whose articles join the matches.

On SQLite, FTS5 gives the same promise: ``website.search_sqlite``. What
both share (limits, folding, excerpts): ``website.search_text``.
"""

import datetime as dt
import functools
import itertools
from collections.abc import Sequence

from django import forms
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connection, transaction
from django.db.models import (
    Case,
    DateTimeField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Author, Section
from core.search import StoredVector
from website.compiled import CompiledQuery, Many
from website.search_sqlite import sqlite_search
from website.search_text import (
    MARK_END,
    MARK_START,
    MAX_RESULTS,
    MIN_FUZZY_LENGTH,
    WORD,
    fold,
)

SEARCH_CONFIG = "french_unaccent"
MAX_QUERY_LENGTH = 200
# Where the newest matches are looked for, newest first: the smallest window
# that holds MAX_RESULTS of them bounds the work, whatever the archive's size.
WINDOWS = (dt.timedelta(days=30), dt.timedelta(days=365))


def search_document():
    """Title (A), chapô (B) and text (C): what searches match (GIN-indexed)."""
    return StoredVector("search_document")


def search_summary():
    """Title (A) and chapô (B), small enough to rank every match cheaply."""
    return StoredVector("search_summary")


class FoldedTitle(StoredVector):
    """The title in lower case without accents, trigram-indexed: a column
    that PostgreSQL generates and stores (migration ``search_title``)."""

    output_field = TextField()

    def __init__(self):
        super().__init__("search_title")


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Rechercher",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        validators=[ProhibitNullCharactersValidator()],
        error_messages={
            "max_length": "Votre recherche est trop longue : %(limit_value)d caractères au plus.",
            "null_characters_not_allowed": "Votre recherche contient des caractères invalides.",
        },
    )

    def clean_q(self):
        # Control characters mean nothing to a search engine; drop them.
        return " ".join(
            "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable()).split()
        )


def search_articles(articles, text):
    """``articles`` matching ``text``, best first, each with a ``headline``:
    a ``SearchResults`` sequence (at most ``MAX_RESULTS``), or an empty
    queryset when ``text`` has no word.

    ``articles`` is what readers may see (``published()``), shaped as the
    caller wants its rows; on PostgreSQL the usual ranking, compiled once,
    reads ``Article.objects.published()`` itself.
    """
    if not WORD.search(text):
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, text)
    return SearchResults(*sqlite_search(articles, text))


class SearchResults(Sequence):
    """Ranked article ids, each page read with its excerpts when sliced.

    ``more`` says that the archive holds more matches than ``MAX_RESULTS``:
    only the newest of them are ranked and shown, so that the cost of a
    search does not grow with the archive.
    """

    def __init__(self, ids, more, fetch):
        self.ids, self.more, self._fetch = ids, more, fetch

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        by_id = {article.pk: article for article in self._fetch(ids)}
        return [by_id[pk] for pk in ids if pk in by_id]


def _postgres_search(articles, text):
    query = _query(text)
    named = _named(text)
    if named:
        # A rubrique or an author is named: their articles join the matches.
        ranked = _ranked(
            lambda: _newest_first(
                articles.alias(_document=search_document()).filter(
                    Q(_document=query) | named
                ),
                SearchRank(search_summary(), query),
            )[: MAX_RESULTS + 1]
        )
    else:
        # Nearly every search: the words alone, in SQL compiled once.
        now = timezone.now()
        ranked = _ranked(
            lambda: _word_matches(MAX_RESULTS).rows(
                now=now, text=text, bounds=_bounds(now)
            )
        )
    folded = fold(text)
    if not ranked[0] and len(folded) >= MIN_FUZZY_LENGTH:
        # Nothing found: perhaps a typo. Trigram similarity of title words
        # forgives one; tried only now, since every title that shares a few
        # trigrams with the query must then be read and compared.
        ranked = _ranked(
            lambda: _newest_first(
                articles.filter(TrigramWordSimilar(FoldedTitle(), Value(folded))),
                TrigramWordSimilarity(Value(folded), FoldedTitle()),
            )[: MAX_RESULTS + 1]
        )
    return SearchResults(
        *ranked,
        fetch=lambda ids: (
            articles.filter(pk__in=ids)
            .alias(_summary=search_summary())
            .annotate(headline=_excerpt(query))
        ),
    )


def _names(text):
    return (
        Section.objects.annotate(_name=SearchVector("name", config=SEARCH_CONFIG))
        .filter(_name=_query(text))
        .order_by()
        .values_list(Value("section"), "pk")
        .union(
            Author.objects.annotate(_name=SearchVector("name", config=SEARCH_CONFIG))
            .filter(_name=_query(text))
            .order_by()
            .values_list(Value("author"), "pk"),
            all=True,
        )
        .order_by()
    )


# Compiled once per process (website/compiled.py): building this union took
# the ORM longer than the whole of the rest of a search's queries.
_NAMES = CompiledQuery(_names, text=TextField())


def _query(text):
    return SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")


def _named(text):
    """Articles of the rubriques and authors whose names ``text`` matches.

    The names are not in the stored document (adding them would rewrite the
    whole table): a small query reads the few rubriques and authors first,
    and only when one matches does the search look beyond the document, so
    that the usual search keeps its plan and its speed.
    """
    sections, authors = [], []
    for kind, pk in _NAMES.rows(text=text):
        (sections if kind == "section" else authors).append(pk)
    named = Q()
    if sections:
        named |= Q(section_id__in=sections)
    if authors:
        bylines = ArticleAuthor.objects.filter(author_id__in=authors)
        named |= Q(pk__in=bylines.values("article_id"))
    return named


def _excerpt(query):
    """The excerpt: the chapô when the title or chapô matches, else the
    passages of the text that match. Cutting passages out of a whole text is
    the dear part of a results page; the best-ranked results match in their
    title or chapô, and a chapô is the article's own summary."""
    options = {
        "config": SEARCH_CONFIG,
        "start_sel": MARK_START,
        "stop_sel": MARK_END,
        "max_words": 35,
        "min_words": 15,
        "max_fragments": 2,
        "fragment_delimiter": " … ",
    }
    text = Concat("standfirst", Value(" "), "body", output_field=TextField())
    return Case(
        When(_summary=query, then=SearchHeadline("standfirst", query, **options)),
        default=SearchHeadline(text, query, **options),
    )


@functools.cache
def _word_matches(limit):
    """``_newest_first()`` of the published articles whose stored document
    matches the words, compiled once per process (website/compiled.py): the
    ORM took longer to build this union than PostgreSQL to run it."""

    def build(now, text, bounds):
        matches = (
            Article.objects.published(now)
            .alias(_document=search_document())
            .filter(_document=_query(text))
        )
        score = SearchRank(search_summary(), _query(text))
        return _newest_first(matches, score, bounds=bounds)[: limit + 1]

    return CompiledQuery(
        build,
        now=DateTimeField(),
        text=TextField(),
        bounds=Many(DateTimeField(), size=len(WINDOWS), padding=None),
    )


def _ranked(newest):
    """The ids of the newest ``MAX_RESULTS`` matches, best score first
    (newest first among equals), and whether there are more matches.
    ``newest()`` reads the (pk, score, publish_at) rows of
    ``_newest_first()``, at most ``MAX_RESULTS`` + 1, under the settings
    below."""
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner takes a match against the stored document for a cheap
        # test, but each one reads the document from the TOAST table: walking
        # the table or the date index costs up to ten times the bitmap scans
        # it would otherwise reject. A plan made without the words and dates
        # (a prepared statement's generic plan) guesses wrong the same way.
        # On a small machine, parallel workers cost more than they save here
        # (and would not keep the windows in order). One statement
        # (server-side binding refuses several in one call);
        # set_config(..., true) is SET LOCAL: it ends with the transaction.
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true),"
            " set_config('enable_indexscan', 'off', true),"
            " set_config('plan_cache_mode', 'force_custom_plan', true),"
            " set_config('max_parallel_workers_per_gather', '0', true)"
        )
        rows = list(newest())
    more = len(rows) > MAX_RESULTS
    best_first = sorted(
        rows[:MAX_RESULTS], key=lambda row: (row[1], row[2], row[0]), reverse=True
    )
    return [row[0] for row in best_first], more


def _bounds(now):
    return [now - span for span in WINDOWS]


def _newest_first(matches, score, *, bounds=None):
    """(pk, score, publish_at) of ``matches``, newest first, read window by
    window (``WINDOWS``) in one query.

    PostgreSQL runs the branches of a UNION ALL one after the other and stops
    once the outer LIMIT is reached: when the last month holds enough
    matches, older ones are never read. The windows do not overlap and each
    is sorted, so the rows come out newest first.
    """
    bounds = bounds or _bounds(timezone.now())
    windows = [matches.filter(publish_at__gt=bounds[0])]
    windows += [
        matches.filter(publish_at__gt=older, publish_at__lte=newer)
        for newer, older in itertools.pairwise(bounds)
    ]
    windows.append(matches.filter(publish_at__lte=bounds[-1]))
    newest = [
        window.order_by("-publish_at", "-id").values_list("pk", score, "publish_at")[
            : MAX_RESULTS + 1
        ]
        for window in windows
    ]
    return newest[0].union(*newest[1:], all=True).order_by()
