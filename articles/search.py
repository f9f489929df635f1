"""Reader search: PostgreSQL French full-text search, a plain fallback elsewhere.

On PostgreSQL a query matches an article's title, chapô and text through the
``french_unaccent`` text-search configuration (French stemming, accents
ignored: « economie » finds « Économie »), or its title by trigram word
similarity, which forgives a typo. Results are ranked (title before chapô
before text), and carry a highlighted excerpt. Both conditions are backed by
GIN indexes (migration ``search_indexes``), so search stays fast on a large
archive. On SQLite, each word must appear in the title, chapô or text.
"""

import re
import unicodedata
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
from django.db import connection
from django.db.models import F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Concat, Lower
from django.utils.html import escape, strip_tags

SEARCH_CONFIG = "french_unaccent"
MAX_QUERY_LENGTH = 200
# Trigram matching of shorter queries finds noise rather than typos.
MIN_FUZZY_LENGTH = 4
# Private-use characters mark highlighted words in excerpts: they cannot come
# from a reader's query, and HTML escaping leaves them alone.
MARK_START, MARK_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+")


def search_vector():
    """The indexed document: the same expression builds the index and the queries."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


class FoldedTitle(Func):
    """The title in lower case without accents, as the trigram index stores it.

    ``newsday_unaccent`` is an IMMUTABLE wrapper around ``unaccent`` created
    by the ``search_indexes`` migration, so that it can be indexed.
    """

    function = "newsday_unaccent"
    output_field = TextField()

    def __init__(self):
        super().__init__(Lower("title"))


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
    """``articles`` matching ``text``, best first, each with a ``headline``."""
    if not _WORD.search(text):
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, text)
    return _simple_search(articles, text)


def _postgres_search(articles, text):
    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    vector = search_vector()
    matches = Q(_document=query)
    score = SearchRank(vector, query)
    folded = _fold(text)
    if len(folded) >= MIN_FUZZY_LENGTH:
        matches |= TrigramWordSimilar(FoldedTitle(), Value(folded))
        score += TrigramWordSimilarity(Value(folded), FoldedTitle()) * Value(0.5)
    return (
        articles.alias(_document=vector)
        .filter(matches)
        .annotate(
            score=score,
            headline=SearchHeadline(
                Concat("standfirst", Value(" "), "body", output_field=TextField()),
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by(F("score").desc(), "-publish_at", "-id")
    )


def _simple_search(articles, text):
    matches = Q()
    for word in _WORD.findall(text)[:10]:
        matches &= (
            Q(title__icontains=word)
            | Q(standfirst__icontains=word)
            | Q(body__icontains=word)
        )
    return (
        articles.filter(matches)
        .annotate(headline=F("standfirst"), score=Value(0.0, FloatField()))
        .order_by("-publish_at", "-id")
    )


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
