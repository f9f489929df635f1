"""The admin pages' filters: core/formats.py's French dates in templates."""

import datetime as dt

from django.template import Context, Template
from django.utils import timezone

from core.formats import french_datetime

NBSP = "\u00a0"
MOMENT = timezone.make_aware(dt.datetime(2024, 11, 3, 14, 5))


def render(filter_name, value):
    template = Template(f"{{% load workflow_admin %}}{{{{ value|{filter_name} }}}}")
    return template.render(Context({"value": value}))


def test_datetime_filter_is_french_datetime():
    assert render("datetime_fr", MOMENT) == french_datetime(MOMENT)


def test_date_filter_takes_a_plain_date():
    assert render("date_fr", dt.date(2026, 3, 1)) == "1er mars 2026"


def test_time_filter_is_french_time():
    assert render("time_fr", MOMENT) == f"14{NBSP}h{NBSP}05"
