"""Subscribers: sign-up with double opt-in, confirmation, leaving, changing
lists, suppression, and the GDPR export and erasure. Keyword-only services
that the views, the admin, the webhooks and the jobs call."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from jobs.retries import retry_later
from newsletters import delivery, emails
from newsletters.models import NewsletterList, Subscriber, Subscription

logger = logging.getLogger("newsletters")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def subscriber_subscribe(
    *, email: str, newsletters: list[NewsletterList], consent_text: str, source_url: str
) -> None:
    """Record the sign-up and its consent, unconfirmed, and email the
    confirmation link. Whether the address was known, confirmed or suppressed,
    the caller learns nothing: the reader's answer must not tell."""
    subscriber, _ = Subscriber.objects.get_or_create(email=normalise_email(email))
    for newsletter in newsletters:
        subscription, created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"consent_text": consent_text, "source_url": source_url[:500]},
        )
        if not created and subscription.confirmed_at is None:
            # The latest consent given is the one the link will confirm.
            subscription.consent_text = consent_text
            subscription.source_url = source_url[:500]
            subscription.consented_at = timezone.now()
            subscription.save(
                update_fields=["consent_text", "source_url", "consented_at"]
            )
    if subscriber.suppressed_at is None:
        # A job: the answer takes as long whether an email goes or not.
        ids = [newsletter.pk for newsletter in newsletters]
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk, ids))


def subscription_confirm(
    *, subscriber_id: int, newsletter_ids: list[int]
) -> Subscriber:
    """Confirm the sign-up a confirmation link names; raises
    ``Subscriber.DoesNotExist`` once it has been deleted (unconfirmed too long)."""
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    subscriber.subscriptions.filter(
        newsletter_id__in=newsletter_ids, confirmed_at__isnull=True
    ).update(confirmed_at=timezone.now())
    return subscriber


def subscriber_unsubscribe(
    *, subscriber: Subscriber, newsletter_id: int | None = None
) -> int:
    """Leave one list, or all of them; how many subscriptions ended."""
    subscriptions = subscriber.subscriptions.all()
    if newsletter_id is not None:
        subscriptions = subscriptions.filter(newsletter_id=newsletter_id)
    deleted, _ = subscriptions.delete()
    return deleted


@transaction.atomic
def subscriber_set_lists(
    *,
    subscriber: Subscriber,
    newsletters: list[NewsletterList],
    consent_text: str,
    source_url: str,
) -> None:
    """The preferences page: keep exactly these lists. Its link was emailed
    to the address, so a list added there needs no further confirmation."""
    now = timezone.now()
    subscriber.subscriptions.exclude(newsletter__in=newsletters).delete()
    for newsletter in newsletters:
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            create_defaults={
                "consent_text": consent_text,
                "source_url": source_url[:500],
                "confirmed_at": now,
            },
            defaults={"confirmed_at": now},
        )


def address_suppress(*, email: str, reason: str) -> bool:
    """Stop mailing ``email`` (a bounce, a complaint); whether it was known."""
    return bool(
        Subscriber.objects.filter(email=normalise_email(email)).update(
            suppressed_at=timezone.now(), suppression_reason=reason[:200]
        )
    )


def subscriber_export(*, subscriber: Subscriber) -> dict:
    """Everything kept about a subscriber (GDPR right of access)."""
    return {
        "adresse": subscriber.email,
        "inscrit_le": subscriber.created_at.isoformat(),
        "exclu_le": subscriber.suppressed_at.isoformat()
        if subscriber.suppressed_at
        else None,
        "motif_exclusion": subscriber.suppression_reason,
        "abonnements": [
            {
                "liste": subscription.newsletter.name,
                "consentement": subscription.consent_text,
                "page": subscription.source_url,
                "consentement_donne_le": subscription.consented_at.isoformat(),
                "confirme_le": (
                    subscription.confirmed_at.isoformat()
                    if subscription.confirmed_at
                    else None
                ),
            }
            for subscription in subscriber.subscriptions.select_related("newsletter")
        ],
        "envois_recus": [
            {
                "envoi": str(delivery.send),
                "etat": delivery.get_state_display(),
                "le": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("send__newsletter")
        ],
    }


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Delete the subscriber, their consents and deliveries (right to erasure)."""
    subscriber.delete()


def unconfirmed_purge(*, now: dt.datetime | None = None) -> int:
    """Delete sign-ups never confirmed within ``NEWSLETTERS_UNCONFIRMED_DAYS``,
    then the subscribers left with no list; how many sign-ups went."""
    limit = (now or timezone.now()) - dt.timedelta(
        days=settings.NEWSLETTERS_UNCONFIRMED_DAYS
    )
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, consented_at__lt=limit
    ).delete()
    Subscriber.objects.filter(
        created_at__lt=limit, subscriptions__isnull=True, suppressed_at__isnull=True
    ).delete()
    return deleted


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
