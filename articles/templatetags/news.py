"""Template filters and tags: French typography and dates, search excerpts,
JSON-LD. The admin's Django templates load them here; the reader pages'
Jinja2 environment (newsday/jinja2.py) registers the same functions."""

import json

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from articles.formats import french_date, french_datetime, french_time, iso_datetime
from articles.search import excerpt_html
from articles.typography import french_typography

register = template.Library()

# json.dumps leaves these as they are; inside <script> they must not close it.
_JSON_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


@register.filter(needs_autoescape=True)
def typo(value, autoescape=True):
    """French spacing on text or HTML; plain text is escaped first."""
    if value is None or value == "":
        return ""
    html = conditional_escape(value) if autoescape else value
    # Only characters are added, to text between tags: escaped stays escaped.
    return SafeString(french_typography(str(html)))


# Dates in words: articles.formats is the one place that writes them.
register.filter("date_fr", french_date)
register.filter("datetime_fr", french_datetime)
register.filter("time_fr", french_time)


@register.filter
def iso(moment):
    return iso_datetime(moment) or ""


@register.filter
def excerpt(headline, query):
    """A search result's excerpt with the searched words highlighted."""
    # excerpt_html escapes the text and adds only <mark> tags.
    return SafeString(excerpt_html(headline, query))


@register.simple_tag
def json_ld(data):
    """A ``<script type="application/ld+json">`` block (one object or a list)."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Escaping <, > and & keeps the JSON inert inside the script element
    # (str.replace: str.translate with a mapping is slow on accented text).
    for character, escaped in _JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return format_html(
        '<script type="application/ld+json">{}</script>', SafeString(text)
    )
