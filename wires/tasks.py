"""The wire's background jobs: the configured sources read every
``WIRES_POLL_SECONDS``, old items purged daily (``jobs.periodic``)."""

import datetime as dt
import logging
from pathlib import Path

from django.conf import settings
from django.tasks import task

from jobs.periodic import periodic
from wires import sources
from wires.services import REFUSED, wires_purge

logger = logging.getLogger("wires")


@periodic(every=dt.timedelta(seconds=settings.WIRES_POLL_SECONDS))
@task
def wires_poll() -> int:
    """Every source of ``WIRES_SOURCES`` (drop folders, HTTPS feeds) read
    once; how many items were created or updated. Running it twice at once
    does no harm: an item already known is left unchanged."""
    changed = 0
    for source in settings.WIRES_SOURCES:
        if source.startswith(("https://", "http://")):
            outcomes = sources.poll_feed(source)
        elif Path(source).is_dir():
            outcomes = list(sources.ingest_folder(Path(source)))
        else:
            logger.error("Source de dépêches introuvable : %s", source)
            continue
        for outcome in outcomes:
            if outcome.outcome == REFUSED:
                logger.warning("Dépêche refusée (%s) : %s", source, outcome.reason)
            elif outcome.outcome != "unchanged":
                changed += 1
    return changed


@periodic(every=dt.timedelta(days=1))
@task
def wires_purge_old() -> int:
    return wires_purge(days=settings.WIRES_RETENTION_DAYS)
