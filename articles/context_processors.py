from functools import partial

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from articles.models import Section
from articles.prepared import PreparedQuery
from articles.process_copy import ProcessCopy

# Every reader page shows the menu: its SQL is compiled once, and each process
# reads it at most once a second (articles.process_copy).
menu = ProcessCopy(PreparedQuery(lambda: Section.objects.filter(is_active=True)))
post_save.connect(menu.forget, sender=Section, dispatch_uid="articles.menu.save")
post_delete.connect(menu.forget, sender=Section, dispatch_uid="articles.menu.delete")


def active_sections(request):
    """The sections of the menu, read once per request however often used."""
    if not hasattr(request, "_active_sections"):
        request._active_sections = menu.get(request)
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
