from functools import partial

from django.conf import settings
from django.core.cache import cache

from articles.models import Section
from website.compiled import CompiledQuery

# Every reader page shows the menu: it is kept in the shared cache until a
# rubrique is saved or deleted (website/apps.py), and read by a query
# compiled once when it is not there.
MENU_KEY = "website:menu"
_menu = CompiledQuery(lambda: Section.objects.filter(is_active=True))


def menu():
    sections = cache.get(MENU_KEY)
    if sections is None:
        sections = _menu()
        cache.set(MENU_KEY, sections, None)
    return sections


def forget_menu(**kwargs):
    cache.delete(MENU_KEY)


def active_sections(request):
    """The sections of the menu, read once per request however often used."""
    if not hasattr(request, "active_sections"):
        request.active_sections = menu()
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
