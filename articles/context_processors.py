import time
from functools import partial

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from articles.models import Section
from articles.prepared import PreparedQuery

# Every reader page shows the menu: its SQL is compiled once, and each process
# reads it at most once a second. A change to the sections is seen at once by
# the process that made it, within a second by the others.
_menu = PreparedQuery(lambda: Section.objects.filter(is_active=True))
MENU_LOCAL_SECONDS = 1.0
_menu_local = {"sections": [], "until": 0.0}


def active_sections(request):
    """The sections of the menu, read once per request however often used."""
    if not hasattr(request, "_active_sections"):
        request._active_sections = _current_menu()
    return request._active_sections


def _current_menu():
    now = time.monotonic()
    if now >= _menu_local["until"]:
        _menu_local.update(sections=_menu(), until=now + MENU_LOCAL_SECONDS)
    return _menu_local["sections"]


def forget_menu(**kwargs):
    _menu_local["until"] = 0.0


post_save.connect(forget_menu, sender=Section, dispatch_uid="articles.menu.save")
post_delete.connect(forget_menu, sender=Section, dispatch_uid="articles.menu.delete")


def site(request):
    """Site-wide settings the templates need (name, base URL, Google News link)
    and the sections menu, read only if a template shows it."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "GOOGLE_NEWS_URL": settings.GOOGLE_NEWS_URL,
        "nav_sections": partial(active_sections, request),
    }
