"""The newsletters' background jobs (``django.tasks``, ``jobs.periodic``)."""

import datetime as dt
import logging

from django.tasks import task

from jobs.periodic import periodic
from jobs.retries import retry_later
from newsletters import delivery, emails, sending, services
from newsletters.models import NewsletterList, Subscriber

logger = logging.getLogger("newsletters")


@task
def send_batch(send_id: int, attempt: int = 1) -> int:
    """One batch of a send, then the next batch as a new job (so workers stay
    free for other jobs between batches); how many emails went."""
    try:
        result = delivery.deliver_batch(send_id=send_id)
    except delivery.PASSING as error:
        # The rows this batch did not send are pending again.
        retry_later(send_batch, error, attempt=attempt, send_id=send_id)
        return 0
    if result.more:
        send_batch.enqueue(send_id)
    return result.sent


@task
def send_confirmation(
    subscriber_id: int, newsletter_ids: list[int], attempt: int = 1
) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    newsletters = list(
        NewsletterList.objects.filter(pk__in=newsletter_ids, active=True)
    )
    if not newsletters:
        return
    try:
        emails.confirmation_message(subscriber, newsletters).send()
    except delivery.REFUSED:
        logger.info(
            "Confirmation refusée par le serveur pour l’abonné %s.", subscriber_id
        )
    except delivery.PASSING as error:
        retry_later(
            send_confirmation,
            error,
            attempt=attempt,
            subscriber_id=subscriber_id,
            newsletter_ids=newsletter_ids,
        )


# Every minute: « La matinale » of the next day prepared (so it can be
# previewed and cancelled), due sends started, stalled sends resumed.
@periodic(every=dt.timedelta(minutes=1))
@task
def newsletters_tick() -> int:
    sending.matinale_prepare()
    started = sending.sends_start_due()
    for send_id in delivery.stalled_sends():
        logger.warning("Envoi %s interrompu : reprise.", send_id)
        send_batch.enqueue(send_id)
    return len(started)


@periodic(every=dt.timedelta(hours=1))
@task
def newsletters_purge_unconfirmed() -> int:
    return services.unconfirmed_purge()
