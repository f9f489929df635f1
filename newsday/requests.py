"""Requests no page can answer, refused before any view reads them.

- A method the site does not use (``TRACE``, ``PUT``, ``PROPFIND``…) answers
  405 on every address: feeds, sitemaps and the admin's pages would
  otherwise treat it as a ``GET``.
- A cookie with a NUL byte is dropped, as if the browser had not sent it
  (the session cookie was looked up in the database).
- A control character in the path, or a NUL byte in the query string,
  answers 400 with the project's French 400 page. No address the site makes
  contains one, and PostgreSQL refuses NUL in any text it is asked to
  compare, so a view that looked it up would fail with a 500. The query
  string keeps tabs and line breaks (and the other controls), which a
  person may paste into the search field: only NUL breaks anything.

The 400 page is whatever ``handler400`` the URLconf names, so the answer is
the same as for any other bad request; one warning line is logged, with no
traceback.
"""

import re
from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.http import HttpResponseNotAllowed
from django.urls import get_resolver
from django.utils.log import log_response

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS", "POST")

CONTROL_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")


def has_forbidden_characters(request) -> bool:
    query = request.META.get("QUERY_STRING", "")
    return bool(CONTROL_IN_PATH.search(request.path)) or "\x00" in unquote(query)


class RequestCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            response = HttpResponseNotAllowed(ALLOWED_METHODS)
            log_response(
                "Method Not Allowed (%s): %s",
                request.method,
                request.path,
                response=response,
                request=request,
            )
            return response
        for name in [n for n, value in request.COOKIES.items() if "\x00" in value]:
            del request.COOKIES[name]
        if has_forbidden_characters(request):
            exception = BadRequest("Caractère de contrôle dans l’adresse.")
            handler = get_resolver().resolve_error_handler(400)
            response = handler(request, exception=exception)
            log_response(
                "Bad Request (control character in the address): %s",
                request.path,
                response=response,
                request=request,
            )
            return response
        return self.get_response(request)
