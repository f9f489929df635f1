"""The providers' tracking webhooks of django-anymail, and only those (no
inbound mail). Without ``ANYMAIL_WEBHOOK_SECRET`` every webhook answers
404, and so does a provider that is not configured (no signing key) instead
of anymail's configuration error, a 500."""

import functools

from anymail import urls as anymail_urls
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponseNotFound
from django.urls import URLPattern, path


def _unless_unconfigured(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
            # Without the shared secret anyone could post a fake bounce and
            # unsubscribe any reader: no webhook until it is set.
            return HttpResponseNotFound("Webhook non configuré.")
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
