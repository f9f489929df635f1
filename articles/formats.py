"""Dates as French readers write them: « 3 novembre 2024 à 14 h 05 »."""

import datetime as dt

from django.utils import timezone

MONTHS = [
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
]
NBSP = "\u00a0"


def french_date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def french_time(value: dt.datetime) -> str:
    local = timezone.localtime(value)
    return f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"


def french_datetime(value: dt.datetime | None) -> str:
    """« 3 novembre 2024 à 14 h 05 », in the site's time zone (Europe/Paris)."""
    if value is None:
        return ""
    return f"{french_date(value)} à {french_time(value)}"
