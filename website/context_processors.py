from functools import partial

from django.conf import settings

from articles.freshness import ReaderCopy
from articles.models import Section
from website.compiled import CompiledQuery

# Every reader page shows the menu: it is kept in the shared cache and in
# each process until what readers see changes (``ReaderCopy``: saving or
# deleting a rubrique bumps the publication generation), and read by a query
# compiled once when it is not there.
_menu = CompiledQuery(lambda: Section.objects.filter(is_active=True))
menu_copy = ReaderCopy("website:menu", _menu)


def menu():
    return menu_copy.get()


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
