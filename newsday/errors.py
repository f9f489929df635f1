"""A French 503 when the database is unreachable, instead of a 500.

Django turns any uncaught exception (in a view or a middleware) into a call
to ``handler500``; this one answers 503 with ``Retry-After`` when the cause is
a database connection failure, and otherwise defers to Django's own 500
view. The page is rendered without a request context, so it needs neither the
database nor a session. Nothing is kept from the failure: the next request
opens a new connection, so the site recovers by itself when the database is
back.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30


def database_unavailable(request=None):
    response = HttpResponse(
        loader.render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS}),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        return database_unavailable(request)
    return django_server_error(request, template_name=template_name)
