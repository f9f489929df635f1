import datetime as dt
import logging

from django.tasks import task

from articles.services.scheduled_events import scheduled_events_run
from articles.services.trash import trash_purge_expired
from jobs.periodic import periodic

logger = logging.getLogger("articles.workflow")


# Readers see scheduled articles at their second without this (visibility is
# computed at read time); what follows (status, audit, cache purge,
# notifications) may wait this long. `run_scheduled --loop` does it to the
# second; both may run at once: each event is still handled once.
@periodic(every=dt.timedelta(seconds=15))
@task
def run_scheduled_events() -> int:
    """The side effects of every scheduled event that has come due; how many."""
    return len(scheduled_events_run())


# A trashed article may stay a little past its 30 days: nobody sees it, and
# an hourly run keeps the job cheap.
@periodic(every=dt.timedelta(hours=1))
@task
def purge_trash() -> int:
    """Delete for good what has been in the trash for 30 days; how many."""
    result = trash_purge_expired()
    if result.deleted or result.kept:
        logger.info(
            "Corbeille : %s article(s) supprimé(s) définitivement, %s gardé(s)",
            result.deleted,
            len(result.kept),
        )
    return result.deleted
