"""Reader search on SQLite: FTS5 (migration ``website 0001``).

Accents and case ignored, a simple French stemming by prefix (« économie »
finds « économique »), titles ranked first (``bm25`` weights), highlighted
excerpts (``snippet``), and, when the words find nothing, a trigram search
of the titles that forgives a typo. The index holds every article, kept in
step by triggers; it only finds candidates, which ``published()`` filters.
"""

import json
import re
from html import unescape

from django.db import connection
from django.db.models.expressions import RawSQL

from website.search_text import (
    MARK_END,
    MARK_START,
    MAX_RESULTS,
    MIN_FUZZY_LENGTH,
    WORD,
    fold,
)

# SQLite: bm25 weights of the indexed columns (title, chapô, text): a word in
# the title outweighs it repeated in the text.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)
# SQLite: the titles sharing the most trigrams with a mistyped query that are
# compared with it, and how alike a title word must be (0 to 1).
TYPO_CANDIDATES = 200
TYPO_SIMILARITY = 0.5
_TAG = re.compile(r"<[^>]*>")


def sqlite_search(articles, text):
    """(ids, more, fetch) of the matches of ``text`` among ``articles``, as
    ``website.search.SearchResults`` takes them."""
    words = WORD.findall(fold(text))[:10]
    # Articles and prepositions (« l’ », « de ») say nothing of the subject.
    words = [word for word in words if len(word) > 2] or words
    match = " AND ".join(_sqlite_term(word) for word in words)
    ids, more = _sqlite_ranked(articles, match)
    folded = " ".join(words)
    if not ids and len(folded) >= MIN_FUZZY_LENGTH:
        ids, more = _sqlite_typo(articles, words), False
    return ids, more, lambda ids: _sqlite_page(articles, ids, match)


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
    title_grams = [_trigrams(word) for word in WORD.findall(title)]
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
    return None if text is None else fold(text)
