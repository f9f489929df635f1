"""CDN purge: a pluggable backend, called when an article's pages change.

``CDN_PURGE_BACKEND`` names the class (``newsday.cdn.base.NoopBackend`` by
default; ``newsday.cdn.cloudflare.CloudflareBackend`` and
``newsday.cdn.nginx.NginxRefreshBackend`` are the real ones). A purge never
breaks the publication that triggered it: errors are logged.
"""

import logging
from functools import cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from website.sitemaps import month_sitemap_path

logger = logging.getLogger("newsday.cdn")


@cache
def backend():
    return import_string(settings.CDN_PURGE_BACKEND)(
        **settings.CDN_PURGE_BACKEND_OPTIONS
    )


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


def purge_article(article, *, former_publish_at=None):
    try:
        urls = urls_for(paths_for(article, former_publish_at=former_publish_at))
        backend().purge(urls)
    except Exception:
        logger.exception("CDN purge failed for article %s", article.pk)
    else:
        logger.info(
            "CDN purge requested for %d URL(s) of article %s", len(urls), article.pk
        )
