import pytest
from django.utils import timezone

from newsletters.models import NewsletterList, Subscriber, Subscription


@pytest.fixture
def matinale(db):
    """Created by the app's migration, like « Alerte info »."""
    return NewsletterList.objects.get(kind=NewsletterList.Kind.DIGEST)


@pytest.fixture
def alert_list(db):
    return NewsletterList.objects.get(kind=NewsletterList.Kind.ALERT)


@pytest.fixture
def subscribe():
    """``subscribe(list, email)``: a confirmed subscriber of ``list``."""

    def make(newsletter, email="lecteur@example.fr", *, confirmed=True):
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        Subscription.objects.create(
            subscriber=subscriber,
            newsletter=newsletter,
            consent_text="J’accepte.",
            source_url="/newsletters/",
            confirmed_at=timezone.now() if confirmed else None,
        )
        return subscriber

    return make
