"""The words of a reader's search, and what both search engines share
(PostgreSQL's in ``website.search``, SQLite's in ``website.search_sqlite``):
how many matches are ranked, words folded without case and accents, and the
excerpts with the searched words marked."""

import re
import unicodedata
from html import unescape

from django.utils.html import escape, strip_tags

# A reader looks at the first pages; past this many matches, only the newest
# are ranked and shown (« plus de 100 résultats »).
MAX_RESULTS = 100
# Trigram matching of shorter queries finds noise rather than typos.
MIN_FUZZY_LENGTH = 4
# Private-use characters mark highlighted words in excerpts: they cannot come
# from a reader's query, and HTML escaping leaves them alone.
MARK_START, MARK_END = "\ue000", "\ue001"
WORD = re.compile(r"\w+")


def fold(text):
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
    words = sorted(set(WORD.findall(query or "")), key=len, reverse=True)
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return pattern.sub(lambda m: MARK_START + m.group() + MARK_END, text)
