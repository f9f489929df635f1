"""The Jinja2 environment of the reader pages (``website/jinja2/``).

Reader pages are the site's hot path; Jinja2 renders them several times
faster than Django templates. Sitemaps render here too (a month's lists
thousands of URLs); the admin, feeds and e-mails stay on Django templates.
"""

import json

import jinja2
from django.template import defaultfilters
from django.template.defaulttags import querystring as django_querystring
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from core.formats import (
    french_date,
    french_datetime,
    french_number,
    french_time,
    iso_datetime,
)
from core.links import cached_reverse, cached_static
from images.pictures import render_figure
from website.search_text import excerpt_html
from website.typography import french_typography

# json.dumps leaves these as they are; inside <script> they must not close it.
_JSON_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def typo(value, language="fr"):
    """French spacing on text or HTML; plain text is escaped first. Text in
    another ``language`` (an article's) is only escaped: « Paris: the talks »
    keeps its English punctuation."""
    if value is None or value == "":
        return ""
    html = conditional_escape(value)
    if not language.startswith("fr"):
        return html
    # Only characters are added, to text between tags: escaped stays escaped.
    return SafeString(french_typography(str(html)))


def iso(moment):
    return iso_datetime(moment) or ""


def excerpt(headline, query):
    """A search result's excerpt with the searched words highlighted."""
    # excerpt_html escapes the text and adds only <mark> tags.
    return SafeString(excerpt_html(headline, query))


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


class _RequestContext:
    """What Django's ``querystring`` reads from a template context."""

    def __init__(self, request):
        self.request = request


@jinja2.pass_context
def querystring(context, *args, **kwargs):
    """``{% querystring %}``: ``request.GET`` with ``kwargs`` set, as ``?…``."""
    return django_querystring(_RequestContext(context["request"]), *args, **kwargs)


def environment(**options):
    # Django's default, DebugUndefined under DEBUG, would print "{{ name }}"
    # for a missing variable: pages must read the same in development.
    options["undefined"] = jinja2.Undefined
    # Django templates keep a template's final newline; included cards and
    # lists rely on it.
    options["keep_trailing_newline"] = True
    # Always escaped (Django's backend asks for it too; this says so here).
    options.pop("autoescape", None)
    env = jinja2.Environment(autoescape=True, **options)
    env.globals.update(
        static=cached_static,
        link=cached_reverse,
        figure=render_figure,
        querystring=querystring,
        json_ld=json_ld,
        now=timezone.localtime,
    )
    env.filters.update(
        typo=typo,
        date_fr=french_date,
        datetime_fr=french_datetime,
        time_fr=french_time,
        number_fr=french_number,
        iso=iso,
        excerpt=excerpt,
        # Django's: "s" unless the value is 1, and urlencode's ``safe``
        # argument (Jinja's own filters differ on both).
        pluralize=defaultfilters.pluralize,
        urlencode=defaultfilters.urlencode,
    )
    return env
