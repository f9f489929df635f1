"""How values read to people, in French: dates (« 3 novembre 2024 à 14 h 05 »),
numbers (« 12 500 ») and a person's name.

The one place dates are put into words, for the site, the admin, feeds and
messages; the template filters (``date_fr``, ``datetime_fr``, ``time_fr``,
``user_label``) call these functions.
"""

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
NNBSP = "\u202f"


def site_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the site's time zone (settings.TIME_ZONE, Europe/Paris),
    whatever time zone may be active: an article's dates and its URL read
    the same for everyone. (It also skips the context-local lookup of the
    active time zone, which a page would otherwise make a few dozen times.)"""
    return timezone.localtime(moment, timezone.get_default_timezone())


def iso_datetime(value: dt.datetime | None) -> str | None:
    """« 2024-11-03T14:05:00+01:00 »: ISO 8601 in the site's time zone, for
    machines (``<time datetime>``, Open Graph, JSON-LD); None for no value."""
    return site_time(value).isoformat() if value else None


def french_number(value: int) -> str:
    """« 12 500 »: thousands grouped by narrow no-break spaces."""
    return f"{value:,}".replace(",", NNBSP)


def french_date(value: dt.date | dt.datetime | None) -> str:
    """« 3 novembre 2024 », « 1er novembre 2024 »; a moment is read in the
    site's time zone (Europe/Paris)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = site_time(value)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def french_time(value: dt.datetime | None) -> str:
    """« 14 h 05 », no-break spaces on both sides of « h » so that the time
    never wraps."""
    if not value:
        return ""
    local = site_time(value)
    return f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"


def french_datetime(value: dt.datetime | None) -> str:
    """« 3 novembre 2024 à 14 h 05 », in the site's time zone (Europe/Paris)."""
    if not value:
        return ""
    return f"{french_date(value)} à {french_time(value)}"


def person_name(user) -> str:
    """How the newsroom names a user: full name, else username. An action
    with nobody behind it (run_scheduled, a deleted account) reads
    « Automatique »."""
    if user is None:
        return "Automatique"
    return user.get_full_name() or user.get_username()
