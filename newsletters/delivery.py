"""Sending a send's emails in batches, safe to interrupt at any point.

A batch claims pending deliveries: ``SELECT … FOR UPDATE SKIP LOCKED`` (on
PostgreSQL; SQLite's write transactions are serialised anyway) and a claim
that expires (``claimed_until``), committed at once. Each email then goes
through one SMTP (or provider) connection opened for the batch, and the rows
of the emails the server accepted are marked sent as each is accepted (every
``NEWSLETTERS_MARK_EVERY`` emails if set higher), and at once when anything
fails. A worker killed mid-batch leaves
its unsent rows pending; once the claim expires (or at once when the batch
fails with an exception) the next batch takes them. The pending rows are the
resume point: nobody is sent the same send twice (short of the email
between the server's accept and its mark, or the ``NEWSLETTERS_MARK_EVERY``
not yet written, and only if the worker is killed outright), nobody is
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

# NEWSLETTERS_MARK_EVERY: a batch marks its rows every so many emails, in
# one UPDATE. One UPDATE per email (the default) costs a quarter of a
# worker's CPU per email on SQLite (docs/newsletters.md); a worker killed
# outright (SIGKILL, power cut) sends again at most the emails the server
# accepted since the last write. Any exception writes every accepted
# email's mark first.


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
    marks = _Marks()
    try:
        connection.open()
        for delivery_id, subscriber_id, email, suppressed_at, subscribed in rows:
            # Left the list or bounced since the send started.
            if suppressed_at or not subscribed:
                marks.failed(delivery_id, "désabonné ou adresse exclue")
            else:
                mail = emails.message(
                    rendered, subscriber_id=subscriber_id, email=email
                )
                try:
                    connection.send_messages([mail])
                except REFUSED as error:
                    marks.failed(delivery_id, f"adresse refusée : {error}")
                else:
                    marks.sent(delivery_id)
            unsent.discard(delivery_id)
            if len(marks) >= settings.NEWSLETTERS_MARK_EVERY:
                marks.write(result)
    finally:
        try:
            # The accepted emails marked first: whatever fails next, they
            # are not sent again.
            marks.write(result)
        finally:
            connection.close()
            if unsent:
                # Failing before the end: give the rest back at once.
                Delivery.objects.filter(
                    pk__in=unsent, state=Delivery.State.PENDING
                ).update(claimed_until=None)
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


class _Marks:
    """The rows a batch has dealt with since its last write, written in one
    ``UPDATE`` for the sent ones and one per reason for the failed ones."""

    def __init__(self):
        self._sent: list[int] = []
        self._failed: dict[str, list[int]] = {}

    def __len__(self):
        return len(self._sent) + sum(map(len, self._failed.values()))

    def sent(self, delivery_id: int) -> None:
        self._sent.append(delivery_id)

    def failed(self, delivery_id: int, error: str) -> None:
        self._failed.setdefault(error[:300], []).append(delivery_id)

    def write(self, result: BatchResult) -> None:
        now = timezone.now()
        if self._sent:
            Delivery.objects.filter(pk__in=self._sent).update(
                state=Delivery.State.SENT, sent_at=now, claimed_until=None
            )
            result.sent += len(self._sent)
        for error, ids in self._failed.items():
            Delivery.objects.filter(pk__in=ids).update(
                state=Delivery.State.FAILED,
                sent_at=now,
                claimed_until=None,
                error=error,
            )
            result.failed += len(ids)
        self._sent, self._failed = [], {}


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
