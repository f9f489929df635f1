"""The TOTP devices' admin pages (newsday/admin.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["config", "qrcode"])
def test_page_of_a_device_that_does_not_exist_is_not_found(admin_client, page):
    admin_client.raise_request_exception = False
    url = reverse(f"admin:otp_totp_totpdevice_{page}", args=[999])
    assert admin_client.get(url).status_code == 404
