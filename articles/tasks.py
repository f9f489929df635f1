import datetime as dt

from django.tasks import task

from articles.services.scheduled_events import scheduled_events_run
from jobs.periodic import periodic


# Readers see scheduled articles at their second without this (visibility is
# computed at read time); what follows (status, audit, cache purge,
# notifications) may wait this long. `run_scheduled --loop` does it to the
# second; both may run at once: each event is still handled once.
@periodic(every=dt.timedelta(seconds=15))
@task
def run_scheduled_events() -> int:
    """The side effects of every scheduled event that has come due; how many."""
    return len(scheduled_events_run())
