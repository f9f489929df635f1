"""Bounces and complaints posted by the provider suppress the address."""

import base64
import json

import pytest

from newsletters.models import Subscriber

pytestmark = pytest.mark.django_db

URL = "/newsletters/webhooks/postmark/tracking/"


@pytest.fixture
def webhook(client, settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "fournisseur:secret"}
    auth = "Basic " + base64.b64encode(b"fournisseur:secret").decode()

    def post(payload):
        return client.post(
            URL,
            json.dumps(payload),
            content_type="application/json",
            HTTP_AUTHORIZATION=auth,
        )

    return post


def bounce(email, kind="HardBounce", record="Bounce"):
    return {
        "RecordType": record,
        "Type": kind,
        "TypeCode": 1,
        "Email": email,
        "Recipient": email,
        "BouncedAt": "2026-12-06T07:00:00Z",
        "ReceivedAt": "2026-12-06T07:00:00Z",
        "Description": "The server was unable to deliver your message",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Details": "550 unknown user",
        "Tag": "",
        "Metadata": {},
    }


def test_a_hard_bounce_suppresses_the_address_with_its_reason(
    webhook, matinale, subscribe
):
    subscriber = subscribe(matinale, "inconnu@example.fr")
    assert webhook(bounce("Inconnu@example.fr")).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at is not None
    assert subscriber.suppression_reason.startswith("rebond définitif (Postmark")


def test_a_spam_complaint_suppresses_the_address(webhook, matinale, subscribe):
    subscriber = subscribe(matinale, "plainte@example.fr")
    webhook(bounce("plainte@example.fr", kind="SpamComplaint", record="SpamComplaint"))
    subscriber.refresh_from_db()
    assert subscriber.suppression_reason.startswith("plainte pour spam")


def test_a_suppressed_address_is_left_out_of_the_next_send(
    webhook, matinale, subscribe, django_capture_on_commit_callbacks
):
    from newsletters import sending
    from newsletters.models import Delivery

    subscribe(matinale, "inconnu@example.fr")
    subscribe(matinale, "lecteur@example.fr")
    webhook(bounce("inconnu@example.fr"))
    with django_capture_on_commit_callbacks():
        sending.send_start(send=sending.matinale_prepare())
    assert list(Delivery.objects.values_list("subscriber__email", flat=True)) == [
        "lecteur@example.fr"
    ]


def test_a_webhook_without_the_secret_is_refused(client, settings, matinale, subscribe):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "fournisseur:secret"}
    subscriber = subscribe(matinale, "inconnu@example.fr")
    response = client.post(
        URL, json.dumps(bounce("inconnu@example.fr")), content_type="application/json"
    )
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at is None
    assert Subscriber.objects.count() == 1


def test_an_unconfigured_provider_answers_404(client, settings):
    settings.ANYMAIL = {}
    response = client.post("/newsletters/webhooks/mailgun/tracking/", {})
    assert response.status_code == 404


def test_without_the_shared_secret_no_webhook_listens(client, settings):
    settings.ANYMAIL = {}
    response = client.post(
        "/newsletters/webhooks/postmark/tracking/",
        data="{}",
        content_type="application/json",
    )
    assert response.status_code == 404
