"""The Jinja2 environment of the reader pages (``templates/jinja2/``).

Reader pages are the site's hot path; Jinja2 renders them several times
faster than Django templates. Sitemaps render here too (a month's lists
thousands of URLs); the admin, feeds and e-mails stay on Django templates. Helpers and filters are the same Python functions the
Django template libraries register: one implementation of each.
"""

import jinja2
from django.template import defaultfilters
from django.template.defaulttags import querystring as django_querystring
from django.utils import timezone

from articles.formats import french_date, french_datetime, french_number, french_time
from articles.links import cached_reverse, cached_static
from articles.templatetags.news import excerpt, iso, json_ld, typo
from images.pictures import render_figure


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
