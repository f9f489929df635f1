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

logger = logging.getLogger("newsday.cdn")


@cache
def backend():
    return import_string(settings.CDN_PURGE_BACKEND)(
        **settings.CDN_PURGE_BACKEND_OPTIONS
    )


def paths_for(article):
    """The site paths that show ``article``: its page, its former addresses
    (they must answer 301 now, not the old page), and the lists around it."""
    paths = list(settings.CDN_PURGE_PATHS)
    for obj in (article, article.section, *article.authors.all()):
        paths.append(obj.get_absolute_url())
    paths.extend(article.redirects.values_list("old_path", flat=True))
    for tag in article.tags.all():
        try:
            paths.append(reverse("articles:tag", kwargs={"slug": tag.slug}))
        except NoReverseMatch:
            break
    return list(dict.fromkeys(paths))


def urls_for(paths):
    return [settings.SITE_URL + path for path in paths]


def purge_article(article):
    try:
        urls = urls_for(paths_for(article))
        backend().purge(urls)
    except Exception:
        logger.exception("CDN purge failed for article %s", article.pk)
    else:
        logger.info(
            "CDN purge requested for %d URL(s) of article %s", len(urls), article.pk
        )
