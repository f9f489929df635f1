"""What the API's operations share: limits of their parameters, the
``next`` link of a page, the declared error answers."""

import datetime as dt

from django.utils import timezone
from django.utils.http import urlencode

from api import schemas
from website.seo import absolute

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_ID = 2**63 - 1
SLUG = r"^[-\w]+$"
# A signed cursor is about a hundred characters.
MAX_CURSOR = 500

ERRORS = {400: schemas.Problem, 401: schemas.Problem, 429: schemas.Problem}


def problems(*statuses):
    return dict.fromkeys(statuses, schemas.Problem)


def next_url(request, cursor):
    """The request's own address at ``cursor``, its other parameters kept."""
    params = request.GET.copy()
    params["cursor"] = cursor
    return absolute(f"{request.path}?{urlencode(sorted(params.items()))}")


# What a moment given as a parameter is kept within: nothing was published
# before, and one at either end of the calendar cannot be moved to UTC
# (an OverflowError, which would answer 500).
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)


def aware(moment: dt.datetime) -> dt.datetime:
    """A moment without offset is read in the site's time (Paris)."""
    if moment.year < EARLIEST.year:
        return EARLIEST
    if moment.year >= LATEST.year:
        return LATEST
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
