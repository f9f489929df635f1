"""CDN purge: a pluggable backend, called when an article's pages change.

``CDN_PURGE_BACKEND`` names the class (``newsday.cdn.base.NoopBackend`` by
default; ``newsday.cdn.cloudflare.CloudflareBackend`` and
``newsday.cdn.nginx.NginxRefreshBackend`` are the real ones). The purge
itself is a background job (``newsday.cdn.tasks``): the editor's save only
computes the addresses and enqueues it, and never waits on the CDN.
"""

import datetime as dt
import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from newsday.cdn.base import backend
from newsday.cdn.tasks import purge_urls
from website.sitemaps import month_sitemap_path

logger = logging.getLogger("newsday.cdn")

__all__ = ["backend", "enqueue_purge", "paths_for", "purge_article", "urls_for"]


def paths_for(article, *, former_publish_at=None):
    """The site paths that show ``article``: its page, its former addresses
    (they must answer 301 now, not the old page), the lists around it, and
    the sitemap of its month, and of its former month if ``former_publish_at``
    (its publication time before this change) was in another."""
    paths = list(settings.CDN_PURGE_PATHS)
    for obj in (article, article.section, *article.authors.all()):
        paths.append(obj.get_absolute_url())
    for moment in (article.publish_at, former_publish_at):
        if moment:
            paths.append(month_sitemap_path(moment))
    paths.extend(article.redirects.values_list("old_path", flat=True))
    for tag in article.tags.all():
        try:
            paths.append(reverse("website:tag", kwargs={"slug": tag.slug}))
        except NoReverseMatch:
            break
    return list(dict.fromkeys(paths))


def urls_for(paths):
    return [settings.SITE_URL + path for path in paths]


def enqueue_purge(urls):
    """Enqueue the purge of ``urls``, to run once every process has seen the
    change: each trusts its local copy of the page cache's generations for
    PAGE_CACHE_GENERATION_CHECK, and a CDN refreshing a page sooner could be
    answered with the former page and keep it until its s-maxage. Where the
    task backend cannot defer a job, the purge runs at once."""
    task = purge_urls
    if task.get_backend().supports_defer:
        task = task.using(
            run_after=timezone.now()
            + dt.timedelta(seconds=settings.PAGE_CACHE_GENERATION_CHECK)
        )
    task.enqueue(urls)


def purge_article(article, *, former_publish_at=None):
    """Enqueue the purge of ``article``'s pages. A queue that cannot be
    reached is logged: it never breaks the publication that triggered it."""
    try:
        urls = urls_for(paths_for(article, former_publish_at=former_publish_at))
        enqueue_purge(urls)
    except Exception:
        logger.exception(
            "Purge CDN impossible à mettre en file pour l’article %s", article.pk
        )
