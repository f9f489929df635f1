"""Sends: « La matinale » prepared each day, « Alerte info » on a breaking
article, their start (one delivery row per subscriber, created up front),
cancellation before the start, preview and test email."""

import datetime as dt
import logging
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.models import Article, AuditEvent
from articles.services.audit import record_event
from newsletters import emails
from newsletters.contents import send_articles
from newsletters.delivery import send_batch
from newsletters.models import (
    Delivery,
    NewsletterList,
    PinnedArticle,
    Send,
    SendArticle,
    Subscriber,
    Subscription,
)

logger = logging.getLogger("newsletters")
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


class SendError(Exception):
    """A refused send; the message is French, for editors."""


# --------------------------------------------------------------- « La matinale »


def matinale_time() -> dt.time:
    return dt.time.fromisoformat(settings.NEWSLETTERS_MATINALE_TIME)


def matinale_prepare(*, now: dt.datetime | None = None) -> Send | None:
    """Make sure the next « Matinale » exists, programmed for its Paris time,
    so that editors can preview or cancel it before it starts."""
    now = now or timezone.now()
    newsletter = NewsletterList.objects.filter(
        kind=NewsletterList.Kind.DIGEST, active=True
    ).first()
    if newsletter is None:
        return None
    local = now.astimezone(PARIS)
    day = (
        local.date()
        if local.time() < matinale_time()
        else local.date() + dt.timedelta(days=1)
    )
    try:
        with transaction.atomic():
            send, _ = Send.objects.get_or_create(
                newsletter=newsletter,
                edition=day,
                defaults={
                    "subject": f"{newsletter.name} du {_french_day(day)}",
                    "scheduled_for": dt.datetime.combine(
                        day, matinale_time(), tzinfo=PARIS
                    ),
                },
            )
    except IntegrityError:  # another scheduler made it first
        send = Send.objects.get(newsletter=newsletter, edition=day)
    return send


_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def _french_day(day: dt.date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{_DAYS[day.weekday()]} {first} {_MONTHS[day.month - 1]}"


def alert_problems(article: Article) -> list[str]:
    problems = []
    if not article.is_breaking:
        problems.append("l’article n’est pas marqué « alerte info »")
    if not Article.objects.published().filter(pk=article.pk).exists():
        problems.append("l’article n’est pas publié")
    if Send.objects.filter(article=article).exists():
        problems.append("l’alerte de cet article a déjà été envoyée")
    if not NewsletterList.objects.filter(
        kind=NewsletterList.Kind.ALERT, active=True
    ).exists():
        problems.append("aucune liste « Alerte info » n’est active")
    return problems


def send_create_alert(*, article: Article, user) -> Send:
    """Send the « Alerte info » of a published breaking article now, once."""
    if problems := alert_problems(article):
        raise SendError("Alerte impossible : " + " ; ".join(problems) + ".")
    newsletter = NewsletterList.objects.filter(
        kind=NewsletterList.Kind.ALERT, active=True
    ).first()
    try:
        with transaction.atomic():
            send = Send.objects.create(
                newsletter=newsletter,
                subject=f"Alerte info : {article.title}"[:200],
                article=article,
                scheduled_for=timezone.now(),
                created_by=user,
            )
            record_event(
                article,
                AuditEvent.Action.NEWSLETTER_ALERT,
                actor=user,
                comment=f"Alerte info envoyée par e-mail (liste « {newsletter.name} »).",
                data={"send": send.pk},
            )
    except IntegrityError:
        # Two editors at the same second: the unique constraint keeps one.
        raise SendError(
            "Alerte impossible : l’alerte de cet article a déjà été envoyée."
        ) from None
    send_start(send=send)
    return send


# --------------------------------------------------------------- start, cancel


def sends_start_due(*, now: dt.datetime | None = None) -> list[Send]:
    now = now or timezone.now()
    started = []
    for send in Send.objects.filter(state=Send.State.SCHEDULED, scheduled_for__lte=now):
        if send_start(send=send, now=now):
            started.append(send)
    return started


def send_start(*, send: Send, now: dt.datetime | None = None) -> bool:
    """Freeze the articles, create one pending delivery per confirmed,
    mailable subscriber, and enqueue the batch jobs. Taken by one conditional
    update: a send starts once, and a cancelled one never."""
    now = now or timezone.now()
    with transaction.atomic():
        articles = send_articles(send, now=now)
        if not Send.objects.filter(pk=send.pk, state=Send.State.SCHEDULED).update(
            state=Send.State.SENDING, started_at=now
        ):
            return False
        send.state, send.started_at = Send.State.SENDING, now
        if not send.article_id:
            SendArticle.objects.bulk_create(
                SendArticle(send=send, article=article, position=position)
                for position, article in enumerate(articles)
            )
            PinnedArticle.objects.filter(
                newsletter=send.newsletter, used_by=None, article__in=articles
            ).update(used_by=send)
        total = _create_deliveries(send)
        Send.objects.filter(pk=send.pk).update(total=total)
        send.total = total
        jobs = max(1, settings.NEWSLETTERS_PARALLEL_JOBS)
        transaction.on_commit(
            lambda: [send_batch.enqueue(send.pk) for _ in range(jobs)]
        )
    logger.info("Envoi %s commencé : %d destinataires.", send, total)
    return True


def _create_deliveries(send: Send) -> int:
    subscribers = (
        Subscriber.objects.mailable()
        .filter(
            Exists(
                Subscription.objects.filter(
                    subscriber=OuterRef("pk"),
                    newsletter_id=send.newsletter_id,
                    confirmed_at__isnull=False,
                )
            )
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    total, chunk = 0, []
    for subscriber_id in subscribers.iterator(chunk_size=5000):
        chunk.append(Delivery(send=send, subscriber_id=subscriber_id))
        if len(chunk) == 5000:
            total += len(Delivery.objects.bulk_create(chunk))
            chunk = []
    total += len(Delivery.objects.bulk_create(chunk))
    return total


def send_cancel(*, send: Send) -> bool:
    """Cancel a send that has not started; whether it was."""
    cancelled = Send.objects.filter(pk=send.pk, state=Send.State.SCHEDULED).update(
        state=Send.State.CANCELLED
    )
    if cancelled:
        send.state = Send.State.CANCELLED
    return bool(cancelled)


# --------------------------------------------------------------- preview, test


def send_preview(*, send: Send) -> emails.Rendered:
    return emails.render_send(send, send_articles(send))


def send_test(*, send: Send, user) -> None:
    """The send's email to the editor's own address, nobody else."""
    if not user.email:
        raise SendError(
            "Votre compte n’a pas d’adresse e-mail : ajoutez-en une pour recevoir le test."
        )
    rendered = send_preview(send=send)
    mail = emails.message(rendered, subscriber_id=0, email=user.email)
    mail.subject = f"[Test] {mail.subject}"
    mail.send()
