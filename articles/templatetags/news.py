"""Template filters and tags of the public site: French typography and dates,
search excerpts, JSON-LD."""

import json

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from articles.links import cached_reverse
from articles.search import excerpt_html
from articles.typography import french_typography

register = template.Library()

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
# json.dumps leaves these as they are; inside <script> they must not close it.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def link(viewname, *args, **kwargs):
    """``{% url %}`` for the public site's pages, reversed once per process."""
    return cached_reverse(viewname, *args, **kwargs)


@register.filter(needs_autoescape=True)
def typo(value, autoescape=True):
    """French spacing on text or HTML; plain text is escaped first."""
    if value is None or value == "":
        return ""
    html = conditional_escape(value) if autoescape else value
    # Only characters are added, to text between tags: escaped stays escaped.
    return SafeString(french_typography(str(html)))


def _day(moment):
    return "1er" if moment.day == 1 else str(moment.day)


@register.filter
def date_fr(moment):
    """« 3 novembre 2024 » (« 1er » for the first day of a month)."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    return f"{_day(local)} {MONTHS[local.month - 1]} {local.year}"


@register.filter
def datetime_fr(moment):
    """« 3 novembre 2024 à 14 h 05 », with no-break spaces around « h »."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    return f"{date_fr(local)} à {local.hour}\u202fh\u00a0{local.minute:02d}"


@register.filter
def iso(moment):
    return timezone.localtime(moment).isoformat() if moment else ""


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
    # Escaping <, > and & keeps the JSON inert inside the script element.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(text.translate(_JSON_SCRIPT_ESCAPES)),
    )


@register.filter
def byline_names(bylines):
    """« Anne Martin, Paul Durand et Léa Roux »."""
    names = [byline.author.name for byline in bylines]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} et {names[-1]}"
