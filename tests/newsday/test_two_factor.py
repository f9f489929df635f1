"""Staff two-factor authentication: the admin's login (newsday/two_factor.py);
the staff pages outside the admin are in tests/website/test_preview.py and
tests/images/test_views.py (two_factor_required is in tests/conftest.py)."""

import pytest
from django.contrib import admin
from django_otp.admin import OTPAdminSite
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


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


@pytest.mark.usefixtures("two_factor_required")
def test_one_device_logs_in_on_the_first_submit(client, admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    response = client.post(
        "/admin/login/",
        {
            "username": admin_user.username,
            "password": "password",
            "otp_token": current_code(device),
        },
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("two_factor_required")
def test_login_page_asks_for_the_code_in_french(client):
    page = client.get("/admin/login/").text
    assert "Code à usage unique" in page
    assert "OTP" not in page


@pytest.mark.usefixtures("two_factor_required")
def test_a_wrong_code_is_refused_in_french_keeping_what_was_typed(client, admin_user):
    TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    response = client.post(
        "/admin/login/",
        {"username": admin_user.username, "password": "password", "otp_token": "1"},
    )
    assert "Ce code n’est pas le bon ou a expiré" in response.text
    assert 'value="password"' in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("two_factor_required")
def test_several_devices_are_offered_to_choose_from_in_french(client, admin_user):
    TOTPDevice.objects.create(user=admin_user, name="Téléphone")
    device = TOTPDevice.objects.create(user=admin_user, name="Tablette")
    response = client.post(
        "/admin/login/",
        {
            "username": admin_user.username,
            "password": "password",
            "otp_token": current_code(device),
        },
    )
    assert "Choisissez l’appareil qui a donné ce code." in response.text
    assert f'<option value="{device.persistent_id}">Tablette</option>' in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("two_factor_required")
def test_an_account_without_a_device_is_told_whom_to_ask(client, admin_user):
    response = client.post(
        "/admin/login/",
        {"username": admin_user.username, "password": "password", "otp_token": "1"},
    )
    assert "demandez à un administrateur d’en ajouter un" in response.text
