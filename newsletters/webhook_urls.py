"""The providers' tracking webhooks of django-anymail, and only those (no
inbound mail). A provider that is not configured (no secret, no signing
key) answers 404 instead of anymail's configuration error, a 500."""

import functools

from anymail import urls as anymail_urls
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponseNotFound
from django.urls import URLPattern, path


def _unless_unconfigured(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ImproperlyConfigured:  # anymail's AnymailConfigurationError
            return HttpResponseNotFound("Webhook non configuré.")

    return guarded


urlpatterns = [
    path(
        str(pattern.pattern), _unless_unconfigured(pattern.callback), name=pattern.name
    )
    for pattern in anymail_urls.urlpatterns
    if isinstance(pattern, URLPattern) and "tracking" in (pattern.name or "")
]
