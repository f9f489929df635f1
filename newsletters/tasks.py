"""The newsletters' background jobs (``django.tasks``, ``jobs.periodic``)."""

import datetime as dt
import logging

from django.tasks import task

from jobs.periodic import periodic
from newsletters import delivery, sending, services

logger = logging.getLogger("newsletters")


# Every minute: « La matinale » of the next day prepared (so it can be
# previewed and cancelled), due sends started, stalled sends resumed.
@periodic(every=dt.timedelta(minutes=1))
@task
def newsletters_tick() -> int:
    sending.matinale_prepare()
    started = sending.sends_start_due()
    for send_id in delivery.stalled_sends():
        logger.warning("Envoi %s interrompu : reprise.", send_id)
        delivery.send_batch.enqueue(send_id)
    return len(started)


@periodic(every=dt.timedelta(hours=1))
@task
def newsletters_purge_unconfirmed() -> int:
    return services.unconfirmed_purge()
