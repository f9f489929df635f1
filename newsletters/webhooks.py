"""The providers' tracking webhooks, through django-anymail: a hard bounce
or a spam complaint suppresses the address, with the reason, so that no
send mails it again; a provider-side unsubscribe ends its lists."""

import logging

from anymail.signals import EventType

from newsletters import services
from newsletters.models import Subscriber

logger = logging.getLogger("newsletters")

REASONS = {
    EventType.BOUNCED: "rebond définitif",
    EventType.COMPLAINED: "plainte pour spam",
    EventType.REJECTED: "refusée par le fournisseur",
}


def on_tracking_event(sender, event, esp_name, **kwargs):
    if not event.recipient:
        return
    if event.event_type in REASONS:
        detail = event.description or event.reject_reason or ""
        reason = f"{REASONS[event.event_type]} ({esp_name}{' : ' + detail if detail else ''})"
        if services.address_suppress(email=event.recipient, reason=reason):
            logger.info("Adresse exclue : %s", reason)
    elif event.event_type == EventType.UNSUBSCRIBED:
        subscriber = Subscriber.objects.filter(
            email=services.normalise_email(event.recipient)
        ).first()
        if subscriber:
            services.subscriber_unsubscribe(subscriber=subscriber)
