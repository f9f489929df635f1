"""Filters of the newsroom's admin pages: dates in French words and people's
names (the reader pages' Jinja2 environment has its own, website/jinja_env.py)."""

from django import template

from core.formats import french_date, french_datetime, french_time, person_name

register = template.Library()

register.filter("user_label", person_name)
register.filter("date_fr", french_date)
register.filter("datetime_fr", french_datetime)
register.filter("time_fr", french_time)
