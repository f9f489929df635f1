from functools import partial

from django.conf import settings

from articles.models import Section
from website.compiled import CompiledQuery

# Every reader page shows the menu: its SQL is compiled once.
_menu = CompiledQuery(lambda: Section.objects.filter(is_active=True))


def active_sections(request):
    """The sections of the menu, read once per request however often used
    (one query; a cached page reads none)."""
    if not hasattr(request, "active_sections"):
        request.active_sections = _menu()
    return request.active_sections


def site(request):
    """Site-wide settings the templates need (name, base URL, Google News link)
    and the sections menu, read only if a template shows it."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "GOOGLE_NEWS_URL": settings.GOOGLE_NEWS_URL,
        "nav_sections": partial(active_sections, request),
    }
