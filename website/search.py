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

On SQLite, FTS5 gives the same promise (migration ``website 0001``): accents
and case ignored, a simple French stemming by prefix (« économie » finds
« économique »), titles ranked first (``bm25`` weights), highlighted
excerpts (``snippet``), and, when the words find nothing, a trigram search
of the titles that forgives a typo. The index holds every article, kept in
step by triggers; it only finds candidates, which ``published()`` filters.
"""

import datetime as dt
import itertools
import json
import re
import unicodedata
from collections.abc import Sequence
from html import unescape

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
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.html import escape, strip_tags

from articles.models import ArticleAuthor, Author, Section
from core.search import StoredVector

SEARCH_CONFIG = "french_unaccent"
MAX_QUERY_LENGTH = 200
# A reader looks at the first pages; past this many matches, only the newest
# are ranked and shown (« plus de 100 résultats »).
MAX_RESULTS = 100
# Where the newest matches are looked for, newest first: the smallest window
# that holds MAX_RESULTS of them bounds the work, whatever the archive's size.
WINDOWS = (dt.timedelta(days=30), dt.timedelta(days=365))
# Trigram matching of shorter queries finds noise rather than typos.
MIN_FUZZY_LENGTH = 4
# Private-use characters mark highlighted words in excerpts: they cannot come
# from a reader's query, and HTML escaping leaves them alone.
MARK_START, MARK_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+")
# SQLite: bm25 weights of the indexed columns (title, chapô, text): a word in
# the title outweighs it repeated in the text.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)
# SQLite: the titles sharing the most trigrams with a mistyped query that are
# compared with it, and how alike a title word must be (0 to 1).
TYPO_CANDIDATES = 200
TYPO_SIMILARITY = 0.5
_TAG = re.compile(r"<[^>]*>")


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
    """``articles`` matching ``text``, best first, each with a ``headline``.

    On PostgreSQL, a ``SearchResults`` sequence (at most ``MAX_RESULTS``);
    elsewhere a queryset.
    """
    if not _WORD.search(text):
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, text)
    return _sqlite_search(articles, text)


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
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    # Ranking by the whole text would read every match's document from the
    # TOAST table; a match in the text only ranks by date after the others.
    ranked = _ranked(
        articles.alias(_document=search_document()).filter(
            Q(_document=query) | _named(query)
        ),
        SearchRank(search_summary(), query),
    )
    folded = _fold(text)
    if not ranked[0] and len(folded) >= MIN_FUZZY_LENGTH:
        # Nothing found: perhaps a typo. Trigram similarity of title words
        # forgives one; tried only now, since every title that shares a few
        # trigrams with the query must then be read and compared.
        ranked = _ranked(
            articles.filter(TrigramWordSimilar(FoldedTitle(), Value(folded))),
            TrigramWordSimilarity(Value(folded), FoldedTitle()),
        )
    return SearchResults(
        *ranked,
        fetch=lambda ids: (
            articles.filter(pk__in=ids)
            .alias(_summary=search_summary())
            .annotate(headline=_excerpt(query))
        ),
    )


def _named(query):
    """Articles of the rubriques and authors whose names ``query`` matches.

    The names are not in the stored document (adding them would rewrite the
    whole table): a small query reads the few rubriques and authors first,
    and only when one matches does the search look beyond the document, so
    that the usual search keeps its plan and its speed.
    """
    names = (
        Section.objects.annotate(_name=SearchVector("name", config=SEARCH_CONFIG))
        .filter(_name=query)
        .order_by()
        .values_list(Value("section"), "pk")
        .union(
            Author.objects.annotate(_name=SearchVector("name", config=SEARCH_CONFIG))
            .filter(_name=query)
            .order_by()
            .values_list(Value("author"), "pk"),
            all=True,
        )
        .order_by()
    )
    sections, authors = [], []
    for kind, pk in names:
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


def _ranked(matches, score):
    """The ids of the newest ``MAX_RESULTS`` matches, best ``score`` first
    (newest first among equals), and whether there are more matches."""
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
        rows = list(_newest_first(matches, score)[: MAX_RESULTS + 1])
    more = len(rows) > MAX_RESULTS
    best_first = sorted(
        rows[:MAX_RESULTS], key=lambda row: (row[1], row[2], row[0]), reverse=True
    )
    return [row[0] for row in best_first], more


def _newest_first(matches, score):
    """(pk, score, publish_at) of ``matches``, newest first, read window by
    window (``WINDOWS``) in one query.

    PostgreSQL runs the branches of a UNION ALL one after the other and stops
    once the outer LIMIT is reached: when the last month holds enough
    matches, older ones are never read. The windows do not overlap and each
    is sorted, so the rows come out newest first.
    """
    now = timezone.now()
    bounds = [now - span for span in WINDOWS]
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


def _sqlite_search(articles, text):
    words = _WORD.findall(_fold(text))[:10]
    # Articles and prepositions (« l’ », « de ») say nothing of the subject.
    words = [word for word in words if len(word) > 2] or words
    match = " AND ".join(_sqlite_term(word) for word in words)
    ids, more = _sqlite_ranked(articles, match)
    folded = " ".join(words)
    if not ids and len(folded) >= MIN_FUZZY_LENGTH:
        ids, more = _sqlite_typo(articles, words), False
    return SearchResults(
        ids, more, fetch=lambda ids: _sqlite_page(articles, ids, match)
    )


def _sqlite_term(word):
    """The FTS5 query of one folded word: a simple French stemming.

    A long word is looked for by its start (« econom* » finds « économie »,
    « économique »), a short one as is or in the plural, so that « mars »
    does not find « Marseille ». Words are quoted: nothing a reader types is
    read as FTS5 syntax.
    """
    if len(word) > 5:
        return f'"{word[: len(word) - 2]}"*'
    other = word[:-1] if word[-1] in "sx" else word + "s"
    return f'("{word}" OR "{other}")'


def _sqlite_matches(match):
    """The ids of the articles whose text, or whose rubrique or author
    names, match (as on PostgreSQL: the names apart from the text)."""
    return RawSQL(
        "SELECT rowid FROM website_search WHERE website_search MATCH %s"
        " UNION SELECT rowid FROM website_search_names"
        " WHERE website_search_names MATCH %s",
        (match, match),
    )


def _sqlite_ranked(articles, match):
    """Like ``_ranked``: the newest ``MAX_RESULTS`` matches that
    ``articles`` lets through, best first, and whether there are more."""
    rows = list(
        articles.filter(pk__in=_sqlite_matches(match))
        .order_by("-publish_at", "-id")
        .values_list("pk", "publish_at")[: MAX_RESULTS + 1]
    )
    more = len(rows) > MAX_RESULTS
    rows = rows[:MAX_RESULTS]
    if not rows:
        return [], more
    with connection.cursor() as cursor:
        # bm25 is computed for these rows only, not for every match. « +rowid »
        # keeps the ids from FTS5, which would otherwise run the whole query
        # again for each of them (a prefix query costs milliseconds).
        cursor.execute(
            "SELECT rowid, bm25(website_search, %s, %s, %s)"
            " FROM website_search WHERE website_search MATCH %s"
            " AND +rowid IN (SELECT value FROM json_each(%s))",
            (*SQLITE_WEIGHTS, match, json.dumps([pk for pk, _ in rows])),
        )
        scores = dict(cursor.fetchall())
    # bm25: the lower, the better; a match by names alone has none.
    best_first = sorted(
        rows, key=lambda row: (-scores.get(row[0], 0.0), row[1], row[0]), reverse=True
    )
    return [pk for pk, _ in best_first], more


def _sqlite_typo(articles, words):
    """The published articles whose title has words like ``words``, most
    alike first: the titles sharing the most trigrams with them are read,
    then compared word by word."""
    grams = sorted({w[i : i + 3] for w in words for i in range(len(w) - 2)})
    if not grams:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, title FROM website_search_title"
            " WHERE website_search_title MATCH %s ORDER BY rank LIMIT %s",
            (" OR ".join(f'"{gram}"' for gram in grams), TYPO_CANDIDATES),
        )
        alike = {
            pk: score
            for pk, title in cursor.fetchall()
            if (score := _likeness(words, title)) >= TYPO_SIMILARITY
        }
    rows = articles.filter(pk__in=list(alike)).values_list("pk", "publish_at")
    best_first = sorted(rows, key=lambda row: (alike[row[0]], row[1], row[0]))
    return [pk for pk, _ in reversed(best_first)][:MAX_RESULTS]


def _likeness(words, title):
    """How alike the title's words are to ``words``: for each word, the
    share of trigrams it has in common with the title word most like it
    (as PostgreSQL's ``pg_trgm`` counts them); the least alike word counts,
    so that one word found does not carry another that is not."""
    title_grams = [_trigrams(word) for word in _WORD.findall(title)]
    if not title_grams:
        return 0.0
    return min(
        max(len(grams & other) / len(grams | other) for other in title_grams)
        for grams in map(_trigrams, words)
    )


def _trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _sqlite_page(articles, ids, match):
    """The articles ``ids`` with their excerpts: the chapô when the title or
    chapô matches, else the passage of the text that matches (as on
    PostgreSQL)."""
    page = list(articles.filter(pk__in=ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, highlight(website_search, 0, %s, %s),"
            " snippet(website_search, 1, %s, %s, ' … ', 30),"
            " snippet(website_search, 2, %s, %s, ' … ', 30)"
            " FROM website_search WHERE website_search MATCH %s"
            " AND +rowid IN (SELECT value FROM json_each(%s))",
            (*(MARK_START, MARK_END) * 3, match, json.dumps(ids)),
        )
        excerpts = {pk: (title, chapo, text) for pk, title, chapo, text in cursor}
    for article in page:
        title, chapo, text = excerpts.get(article.pk, ("", "", ""))
        if MARK_START in chapo:
            article.headline = chapo
        elif MARK_START in text and MARK_START not in title:
            article.headline = text
        else:
            article.headline = article.standfirst
    return page


def register_sqlite_functions(sender=None, *, connection, **kwargs):
    """The functions the SQLite search index is built with (migration
    ``website 0001``), registered on each new connection."""
    if connection.vendor != "sqlite":
        return
    functions = {"website_plain_text": _plain_text, "website_fold": _fold_or_null}
    for name, function in functions.items():
        connection.connection.create_function(name, 1, function, deterministic=True)


def _plain_text(html):
    """The text of an article body: the sanitizer's well-formed markup
    (nh3) leaves no ``>`` inside a tag, so a pattern removes tags safely."""
    if html is None:
        return None
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def _fold_or_null(text):
    return None if text is None else _fold(text)


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def excerpt_html(headline, query):
    """The excerpt as safe HTML, the searched words in ``<mark>``.

    PostgreSQL marks the words itself (with the private-use markers); on other
    databases the words of ``query`` are marked here. Either way the text is
    escaped first, and any HTML in it (ts_headline works on the body's markup)
    is reduced to text.
    """
    text = unescape(strip_tags(headline or ""))
    if MARK_START not in text:
        text = _mark_words(text, query)
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _mark_words(text, query):
    words = sorted(set(_WORD.findall(query or "")), key=len, reverse=True)
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return pattern.sub(lambda m: MARK_START + m.group() + MARK_END, text)
