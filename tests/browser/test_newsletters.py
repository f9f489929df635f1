"""A reader signs up from the footer, confirms from the email, and leaves."""

import re

import pytest
from django.core import mail

from newsletters.models import Subscription

pytestmark = pytest.mark.django_db(transaction=True)


def link(message, name):
    return re.search(rf"http://[^/\s]+(/newsletters/{name}/[^/\s]+/)", message.body)[1]


@pytest.fixture
def newsletter_lists():
    """The lists the migration creates, which an earlier transactional test's
    flush removes."""
    from importlib import import_module

    from newsletters.models import NewsletterList

    migration = import_module("newsletters.migrations.0002_lists_and_roles")
    for fields in migration.LISTS:
        NewsletterList.objects.get_or_create(slug=fields["slug"], defaults=fields)


@pytest.mark.usefixtures("newsletter_lists")
def test_reader_subscribes_confirms_and_unsubscribes(page, assert_accessible):
    page.goto("/")
    page.get_by_label("Recevez nos newsletters").fill("lecteur@example.fr")
    page.get_by_role("button", name="Choisir mes newsletters").click()
    page.wait_for_url("**/newsletters/?email=*")
    assert_accessible(page)
    page.get_by_label("La matinale").check()
    page.get_by_label("J’accepte de recevoir").check()
    page.get_by_role("button", name="M’inscrire").click()
    page.wait_for_url("**/newsletters/merci/")
    assert page.get_by_role(
        "heading", name="Vérifiez votre boîte aux lettres"
    ).is_visible()
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()

    (confirmation,) = mail.outbox
    page.goto(link(confirmation, "confirmation"))
    page.get_by_role("button", name="Je confirme mon inscription").click()
    page.wait_for_url("**/newsletters/preferences/*/")
    assert page.get_by_label("La matinale").is_checked()
    assert Subscription.objects.get().confirmed_at is not None

    page.get_by_role("button", name="Me désabonner de tout").click()
    assert page.get_by_role("status").inner_text() == (
        "Vous êtes désabonné de toutes nos newsletters."
    )
    assert not Subscription.objects.exists()
