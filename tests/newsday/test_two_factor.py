import pytest
from django.contrib import admin
from django_otp.admin import OTPAdminSite
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsday.apps import NewsdayConfig

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_factor_required(settings):
    settings.ADMIN_2FA_REQUIRED = True
    original = admin.site.__class__
    NewsdayConfig.ready(NewsdayConfig("newsday", __import__("newsday")))
    yield
    admin.site.__class__ = original


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_admin_does_not_ask_for_a_code_by_default(client, admin_user):
    assert "otp_token" not in client.get("/admin/login/").text


@pytest.mark.usefixtures("two_factor_required")
def test_required_two_factor_switches_the_admin_to_otp(admin_user):
    assert isinstance(admin.site, OTPAdminSite)


@pytest.mark.usefixtures("two_factor_required")
def test_login_without_the_code_is_refused(client, admin_user):
    TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    response = client.post(
        "/admin/login/", {"username": admin_user.username, "password": "password"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("two_factor_required")
def test_login_with_the_current_code_reaches_the_admin(client, admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    response = client.post(
        "/admin/login/",
        {
            "username": admin_user.username,
            "password": "password",
            "otp_device": device.persistent_id,
            "otp_token": current_code(device),
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_can_open_the_device_page_with_its_qr_code(client, admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    client.force_login(admin_user)
    response = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/")
    assert response.status_code == 200
    assert b"<svg" in response.content
