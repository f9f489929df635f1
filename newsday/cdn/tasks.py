"""The purge job: the CDN is asked by a worker, never by the request that
saved the article, and asked again with back-off while it is down or slow."""

import logging

from django.tasks import task

from jobs.retries import retry_later
from newsday.cdn.base import PurgeUnavailable, backend

logger = logging.getLogger("newsday.cdn")


@task
def purge_urls(urls: list[str], attempt: int = 1) -> int:
    """Purge ``urls`` from the CDN; how many were purged (0: retry pending).
    Running it twice only purges twice."""
    try:
        backend().purge(urls)
    except PurgeUnavailable as error:
        retry_later(purge_urls, error, attempt=attempt, urls=urls)
        return 0
    logger.info("Purge CDN faite pour %d adresse(s).", len(urls))
    return len(urls)
