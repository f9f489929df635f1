"""Sending a send's emails in batches, safe to interrupt at any point.

A batch claims pending deliveries: ``SELECT … FOR UPDATE SKIP LOCKED`` (on
PostgreSQL; SQLite's write transactions are serialised anyway) and a claim
that expires (``claimed_until``), committed at once. Each email then goes
through one SMTP (or provider) connection opened for the batch, and its row
is marked sent right after the server accepted it. A worker killed mid-batch
leaves its unsent rows pending; once the claim expires (or at once when the
batch fails with an exception) the next batch takes them. The pending rows
are the resume point: nobody is sent the same send twice (short of the one
message between the server's accept and its row's update), nobody is
skipped.
"""

import dataclasses
import datetime as dt
import logging
import smtplib
import time

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.tasks import task
from django.utils import timezone

from jobs.retries import retry_later
from newsletters import emails
from newsletters.contents import send_articles
from newsletters.models import Delivery, Send, Subscription

logger = logging.getLogger("newsletters")

# One recipient refused: that delivery fails, the batch goes on. Anything else
# (connection lost, provider down) stops the batch; the job is retried.
REFUSED = (smtplib.SMTPRecipientsRefused, AnymailRecipientsRefused)
PASSING = (smtplib.SMTPException, OSError, AnymailError)


@dataclasses.dataclass
class BatchResult:
    sent: int = 0
    failed: int = 0
    more: bool = False


def deliver_batch(
    *, send_id: int, batch_size: int | None = None, connection=None
) -> BatchResult:
    """Send one batch of ``send_id``; ``more`` says whether rows are left."""
    send = Send.objects.select_related("newsletter", "article__section").get(pk=send_id)
    result = BatchResult()
    if send.state != Send.State.SENDING:
        return result
    started = time.monotonic()
    rows = _claim(send, batch_size or settings.NEWSLETTERS_BATCH_SIZE)
    if not rows:
        _finish_if_done(send)
        return result
    rendered = emails.render_send(send, send_articles(send))
    # One connection (SMTP session, provider client) for the whole batch.
    connection = connection or mailers.default
    unsent = {row[0] for row in rows}
    try:
        connection.open()
        for delivery_id, subscriber_id, email, suppressed_at, subscribed in rows:
            # Left the list or bounced since the send started.
            if suppressed_at or not subscribed:
                _mark(delivery_id, Delivery.State.FAILED, "désabonné ou adresse exclue")
                result.failed += 1
            else:
                mail = emails.message(
                    rendered, subscriber_id=subscriber_id, email=email
                )
                try:
                    connection.send_messages([mail])
                except REFUSED as error:
                    _mark(
                        delivery_id, Delivery.State.FAILED, f"adresse refusée : {error}"
                    )
                    result.failed += 1
                else:
                    _mark(delivery_id, Delivery.State.SENT)
                    result.sent += 1
            unsent.discard(delivery_id)
    finally:
        connection.close()
        if unsent:
            # Failing before the end: give the rest back at once.
            Delivery.objects.filter(pk__in=unsent, state=Delivery.State.PENDING).update(
                claimed_until=None
            )
        _count(send_id, result)
    _rate_limit(started, len(rows))
    result.more = True
    return result


def _claim(send: Send, size: int) -> list[tuple]:
    now = timezone.now()
    subscribed = Subscription.objects.filter(
        subscriber=OuterRef("subscriber"),
        newsletter_id=send.newsletter_id,
        confirmed_at__isnull=False,
    )
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(send=send, state=Delivery.State.PENDING)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .order_by("pk")
            .values_list(
                "pk",
                "subscriber_id",
                "subscriber__email",
                "subscriber__suppressed_at",
                Exists(subscribed),
            )[:size]
        )
        if rows:
            lease = dt.timedelta(seconds=settings.NEWSLETTERS_CLAIM_SECONDS)
            Delivery.objects.filter(pk__in=[row[0] for row in rows]).update(
                claimed_until=now + lease
            )
    return rows


def _mark(delivery_id: int, state: str, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery_id).update(
        state=state, sent_at=timezone.now(), claimed_until=None, error=error[:300]
    )


def _count(send_id: int, result: BatchResult) -> None:
    if result.sent or result.failed:
        Send.objects.filter(pk=send_id).update(
            sent_count=F("sent_count") + result.sent,
            failed_count=F("failed_count") + result.failed,
        )


def _finish_if_done(send: Send) -> None:
    if send.deliveries.filter(state=Delivery.State.PENDING).exists():
        return  # claimed by another worker, or waiting for a claim to expire
    totals = send.deliveries.aggregate(
        sent=Count("pk", filter=Q(state=Delivery.State.SENT)),
        failed=Count("pk", filter=Q(state=Delivery.State.FAILED)),
    )
    # The counters from the rows themselves: exact even after a crash
    # between a batch's marks and its counters.
    if Send.objects.filter(pk=send.pk, state=Send.State.SENDING).update(
        state=Send.State.DONE,
        finished_at=timezone.now(),
        sent_count=totals["sent"],
        failed_count=totals["failed"],
    ):
        logger.info(
            "Envoi %s terminé : %d envoyés, %d échecs.",
            send,
            totals["sent"],
            totals["failed"],
        )


def _rate_limit(started: float, count: int) -> None:
    rate = settings.NEWSLETTERS_RATE_LIMIT
    if rate > 0:
        wait = count / rate - (time.monotonic() - started)
        if wait > 0:
            time.sleep(wait)


def stalled_sends(*, now: dt.datetime | None = None) -> list[int]:
    """Sends with pending rows, no live claim and nothing sent for a claim's
    length: their jobs died (a killed worker) and must be enqueued again."""
    now = now or timezone.now()
    quiet_since = now - dt.timedelta(seconds=settings.NEWSLETTERS_CLAIM_SECONDS)
    deliveries = Delivery.objects.filter(send=OuterRef("pk"))
    return list(
        Send.objects.filter(state=Send.State.SENDING, started_at__lt=quiet_since)
        .filter(Exists(deliveries.filter(state=Delivery.State.PENDING)))
        .exclude(Exists(deliveries.filter(claimed_until__gte=now)))
        .exclude(Exists(deliveries.filter(sent_at__gte=quiet_since)))
        .values_list("pk", flat=True)
    )


@task
def send_batch(send_id: int, attempt: int = 1) -> int:
    """One batch of a send, then the next batch as a new job (so workers stay
    free for other jobs between batches); how many emails went."""
    try:
        result = deliver_batch(send_id=send_id)
    except PASSING as error:
        # The rows this batch did not send are pending again.
        retry_later(send_batch, error, attempt=attempt, send_id=send_id)
        return 0
    if result.more:
        send_batch.enqueue(send_id)
    return result.sent
