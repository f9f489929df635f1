"""The reader pages: sign-up with double opt-in, confirmation, one-click
unsubscribe, preferences."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletters import tokens
from newsletters.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db

INDEX = "/newsletters/"


@pytest.fixture
def sign_up(django_capture_on_commit_callbacks):
    """``sign_up(client, lists, email)``: the form posted, its jobs run."""

    def post(client, newsletters, email="lecteur@example.fr", **extra):
        data = {
            "email": email,
            "newsletters": [n.pk for n in newsletters],
            "consent": "on",
            "source": "/politique/",
            **extra,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(INDEX, data)

    return post


def link_in(message, name):
    return re.search(rf"http://testserver(/newsletters/{name}/[^/\s]+/)", message.body)[
        1
    ]


def test_the_page_lists_each_list_with_its_rhythm(client, matinale, alert_list):
    page = client.get(INDEX).content.decode()
    assert "La matinale" in page
    assert "Chaque jour à 7" in page
    assert "Alerte info" in page


def test_the_footer_form_brings_the_typed_address(client, matinale):
    page = client.get(INDEX, {"email": "lecteur@example.fr"}).content.decode()
    assert 'value="lecteur@example.fr"' in page


def test_a_sign_up_sends_only_the_confirmation_and_is_unconfirmed(
    sign_up, client, matinale
):
    response = sign_up(client, [matinale])
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "confirmez votre inscription" in mail.outbox[0].subject
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.consent_text.startswith("J’accepte")
    assert subscription.source_url == "/politique/"


def test_following_the_link_confirms_the_sign_up(sign_up, client, matinale):
    sign_up(client, [matinale])
    link = link_in(mail.outbox[0], "confirmation")
    assert client.get(link).status_code == 200  # a button, for mail scanners
    assert Subscription.objects.get().confirmed_at is None
    response = client.post(link)
    assert response.status_code == 302
    assert Subscription.objects.get().confirmed_at is not None


def test_a_known_address_gets_the_same_answer(sign_up, client, matinale, subscribe):
    subscribe(matinale, "connu@example.fr")
    new = sign_up(client, [matinale], email="nouveau@example.fr")
    known = sign_up(client, [matinale], email="connu@example.fr")
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert client.get(new["Location"]).content == client.get(known["Location"]).content


def test_a_suppressed_address_gets_the_same_answer_and_no_email(
    sign_up, client, matinale
):
    Subscriber.objects.create(email="rebond@example.fr", suppressed_at=timezone.now())
    response = sign_up(client, [matinale], email="rebond@example.fr")
    assert response["Location"] == reverse("newsletters:thanks")
    assert mail.outbox == []


def test_an_invalid_address_is_refused_in_french_and_kept(sign_up, client, matinale):
    response = sign_up(client, [matinale], email="pas-une-adresse")
    assert response.status_code == 200
    page = response.content.decode()
    assert "n’est pas valide" in page
    assert 'value="pas-une-adresse"' in page
    assert not Subscriber.objects.exists()


def test_the_honeypot_gets_the_same_answer_and_records_nothing(
    sign_up, client, matinale
):
    response = sign_up(client, [matinale], website="http://spam.example")
    assert response["Location"] == reverse("newsletters:thanks")
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_sign_ups_are_limited_per_address(sign_up, client, matinale, settings):
    settings.NEWSLETTERS_SIGNUP_RATE_LIMIT = 2
    for n in range(2):
        assert sign_up(client, [matinale], email=f"l{n}@example.fr").status_code == 302
    refused = sign_up(client, [matinale], email="l3@example.fr")
    assert refused.status_code == 429
    assert "Trop d’inscriptions" in refused.content.decode()
    assert 'value="l3@example.fr"' in refused.content.decode()


def test_the_sign_up_form_needs_a_csrf_token(sign_up, matinale):
    from django.test import Client

    response = sign_up(Client(enforce_csrf_checks=True), [matinale])
    assert response.status_code == 403


def unsubscribe_link(subscriber, newsletter):
    token = tokens.make(tokens.UNSUBSCRIBE, s=subscriber.pk, l=newsletter.pk)
    return reverse("newsletters:unsubscribe", args=[token])


def test_one_click_unsubscribe_by_post_without_session_or_csrf(
    matinale, alert_list, subscribe
):
    from django.test import Client

    subscriber = subscribe(matinale)
    subscribe(alert_list)
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_link(subscriber, matinale),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert list(subscriber.subscriptions.values_list("newsletter", flat=True)) == [
        alert_list.pk
    ]


def test_opening_the_unsubscribe_link_changes_nothing(client, matinale, subscribe):
    subscriber = subscribe(matinale)
    assert client.get(unsubscribe_link(subscriber, matinale)).status_code == 200
    assert subscriber.subscriptions.exists()


def test_a_tampered_unsubscribe_link_is_refused_in_french(client, matinale, subscribe):
    subscriber = subscribe(matinale)
    link = unsubscribe_link(subscriber, matinale).replace(":", "x", 1)
    response = client.post(link)
    assert response.status_code == 400
    assert "n’est pas valide" in response.content.decode()
    assert subscriber.subscriptions.exists()


def preferences_link(subscriber):
    return reverse(
        "newsletters:preferences",
        args=[tokens.make(tokens.PREFERENCES, s=subscriber.pk)],
    )


def test_the_preferences_page_changes_the_lists(
    client, matinale, alert_list, subscribe
):
    subscriber = subscribe(matinale)
    response = client.post(
        preferences_link(subscriber), {"newsletters": [alert_list.pk]}
    )
    assert response.status_code == 200
    assert list(subscriber.subscriptions.values_list("newsletter", flat=True)) == [
        alert_list.pk
    ]
    assert subscriber.subscriptions.get().confirmed_at is not None


def test_the_preferences_page_leaves_all(client, matinale, alert_list, subscribe):
    subscriber = subscribe(matinale)
    subscribe(alert_list)
    client.post(preferences_link(subscriber), {"leave_all": "1"})
    assert not subscriber.subscriptions.exists()


def test_a_tampered_preferences_link_is_refused(client, matinale, subscribe):
    subscriber = subscribe(matinale)
    response = client.get(preferences_link(subscriber)[:-3] + "abc/")
    assert response.status_code == 400
    assert "n’est pas valide" in response.content.decode()


def test_an_expired_preferences_link_is_refused(client, matinale, subscribe, settings):
    subscriber = subscribe(matinale)
    link = preferences_link(subscriber)
    later = timezone.now() + dt.timedelta(
        days=settings.NEWSLETTERS_PREFERENCES_LINK_DAYS + 1
    )
    with time_machine.travel(later):
        response = client.post(link, {"leave_all": "1"})
    assert response.status_code == 400
    assert "a expiré" in response.content.decode()
    assert subscriber.subscriptions.exists()
