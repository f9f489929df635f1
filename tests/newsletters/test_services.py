"""GDPR: unconfirmed sign-ups deleted after 7 days, export, erasure."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from newsletters import services
from newsletters.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(
    matinale, alert_list, subscribe
):
    with time_machine.travel(timezone.now() - dt.timedelta(days=8)):
        subscribe(matinale, "jamais@example.fr", confirmed=False)
        subscribe(matinale, "ancien@example.fr")
        subscribe(alert_list, "ancien@example.fr", confirmed=False)
    subscribe(matinale, "recent@example.fr", confirmed=False)
    assert services.unconfirmed_purge() == 2
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "ancien@example.fr",
        "recent@example.fr",
    ]
    assert (
        Subscription.objects.filter(subscriber__email="ancien@example.fr").count() == 1
    )


def test_the_export_holds_the_consent(matinale, subscribe):
    subscriber = subscribe(matinale)
    export = services.subscriber_export(subscriber=subscriber)
    assert export["adresse"] == "lecteur@example.fr"
    assert export["abonnements"][0]["liste"] == "La matinale"
    assert export["abonnements"][0]["consentement"] == "J’accepte."


def test_erasing_leaves_nothing(matinale, subscribe):
    services.subscriber_erase(subscriber=subscribe(matinale))
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()


def test_a_sign_up_is_stored_lowercase(matinale, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        services.subscriber_subscribe(
            email=" Lecteur@Example.FR ",
            newsletters=[matinale],
            consent_text="J’accepte.",
            source_url="/",
        )
    assert Subscriber.objects.get().email == "lecteur@example.fr"
