from functools import partial

from django.conf import settings

from articles.models import Section
from articles.prepared import PreparedQuery

# Every reader page shows the menu: its SQL is compiled once.
_menu = PreparedQuery(lambda: Section.objects.filter(is_active=True))


def active_sections(request):
    """The sections of the menu, read once per request however often used."""
    if not hasattr(request, "_active_sections"):
        request._active_sections = _menu()
    return request._active_sections


def site(request):
    """Site-wide settings the templates need (name, base URL, Google News link)
    and the sections menu, read only if a template shows it."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "GOOGLE_NEWS_URL": settings.GOOGLE_NEWS_URL,
        "nav_sections": partial(active_sections, request),
    }
