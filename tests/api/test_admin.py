"""Partner keys in the admin: created and shown once, listed, revoked."""

import pytest
from django.urls import reverse

from api.models import PartnerKey
from api.services import partner_key_find

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_admin(admin_client):
    return admin_client


def test_a_new_key_is_shown_once(as_admin):
    response = as_admin.post(
        reverse("admin:api_partnerkey_add"),
        {"name": "Application mobile", "rate_limit": "1000"},
    )

    token = response.context["token"]
    key = PartnerKey.objects.get()
    assert token in response.content.decode()
    assert partner_key_find(token) == key
    assert key.rate_limit == 1000
    change = as_admin.get(reverse("admin:api_partnerkey_change", args=[key.pk]))
    assert token not in change.content.decode()
    listing = as_admin.get(reverse("admin:api_partnerkey_changelist"))
    assert "Application mobile" in listing.content.decode()
    assert token not in listing.content.decode()


def test_keys_are_revoked_from_the_list(as_admin, partner):
    key, token = partner

    as_admin.post(
        reverse("admin:api_partnerkey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk]},
    )

    key.refresh_from_db()
    assert key.revoked_at is not None
    assert partner_key_find(token) is None
