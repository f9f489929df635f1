"""Gzip for text responses when gunicorn serves alone (no nginx in front).

Compressing a page that carries a secret next to text an attacker can
reflect lets the attacker read the secret from response sizes (BREACH). A
reader's page carries none: it is the same page for everyone, which is also
why the page cache may keep it. So only those are compressed: a request with
no session cookie and no ``Authorization`` header, whose response used no
CSRF token and set no cookie. Admin pages, forms and anything a signed-in
person sees go uncompressed. docs/design/compression.md gives the cost.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# What is worth compressing; images and fonts are compressed already, and
# static files come compressed from WhiteNoise before this runs.
TEXT_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/problem+json",
    "application/javascript",
    "image/svg+xml",
)


class ReaderGZipMiddleware(GZipMiddleware):
    """Django's ``GZipMiddleware`` (``Vary: Accept-Encoding``, weak ETag,
    small bodies left alone) for reader responses only."""

    def process_response(self, request, response):
        if not self.compressible(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def compressible(request, response):
        content_type = response.get("Content-Type", "").lower()
        cookies = request.COOKIES
        return (
            content_type.startswith(TEXT_TYPES)
            and settings.SESSION_COOKIE_NAME not in cookies
            and "HTTP_AUTHORIZATION" not in request.META
            # The page holds a CSRF token (a form): one reader's secret.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.cookies
        )
