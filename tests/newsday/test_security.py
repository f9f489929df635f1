import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.factories import make_article, make_image
from tests.forms import form_data

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def axes(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def login(client, username, password="mauvais", **extra):  # noqa: S107
    return client.post(
        LOGIN + "?next=/admin/",
        {"username": username, "password": password},
        **extra,
    )


def without_nonces(html):
    return re.sub(r'nonce="[^"]*"', "", html)


def test_pages_carry_the_security_headers(client):
    response = client.get("/", secure=True)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_content_security_policy_forbids_inline_code_and_framing(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_admin_scripts_carry_the_nonce_of_the_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    nonce = response.context["csp_nonce"]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert f'nonce="{nonce}"' in response.text


def test_request_for_an_unknown_host_is_refused_with_400(client):
    make_article()
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_login_never_redirects_off_site(client, admin_user):
    response = client.post(
        LOGIN + "?next=https://evil.example/",
        {"username": admin_user.username, "password": "password"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_session_and_csrf_cookies_are_secure_and_http_only(client, admin_user):
    response = client.post(
        LOGIN,
        {"username": admin_user.username, "password": "password"},
        secure=True,
    )
    session = response.cookies["sessionid"]
    assert session["secure"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"


@pytest.mark.usefixtures("axes")
def test_admin_login_is_locked_with_429_at_the_failure_limit(client, admin_user):
    for _ in range(2):
        assert login(client, admin_user.username).status_code == 200
    response = login(client, admin_user.username)
    assert response.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in response.text
    assert response["Retry-After"] == "900"


@pytest.mark.usefixtures("axes")
def test_locked_account_is_refused_even_with_the_right_password(client, admin_user):
    for _ in range(3):
        login(client, admin_user.username)
    assert login(client, admin_user.username, "password").status_code == 429


@pytest.mark.usefixtures("axes")
def test_lockout_does_not_reveal_whether_the_user_exists(client, admin_user):
    for _ in range(3):
        login(client, admin_user.username)
        login(client, "personne-inconnue")
    known = login(client, admin_user.username)
    unknown = login(client, "personne-inconnue")
    assert known.status_code == unknown.status_code == 429
    assert without_nonces(known.text) == without_nonces(unknown.text)


@pytest.mark.usefixtures("axes")
def test_lockout_is_per_user_name_and_address(client, admin_user):
    for _ in range(3):
        login(client, "quelquun")
    response = login(client, admin_user.username, "password")
    assert response.status_code == 302


@pytest.mark.usefixtures("axes")
def test_failed_attempts_are_forgotten_after_a_successful_login(client, admin_user):
    for _ in range(2):
        login(client, admin_user.username)
    assert login(client, admin_user.username, "password").status_code == 302
    client.logout()
    for _ in range(2):
        assert login(client, admin_user.username).status_code == 200


def test_production_settings_pass_the_deploy_check():
    root = Path(__file__).resolve().parents[2]
    env = os.environ | {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.fr",
        "DJANGO_SETTINGS_MODULE": "newsday.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_rich_text_editor_gets_the_nonce_module_before_any_editor(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/articles/article/add/")
    assert "newsday/prose-editor-csp.js" in response.text


# --- Request bodies ------------------------------------------------------------------


def test_article_form_takes_a_long_article_over_djangos_default_limit(
    superuser_client,
):
    """A long article with pasted content: over Django's 2.5 MB, saved whole."""
    client = superuser_client
    article = make_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    paragraph = "<p>Un paragraphe collé d’un traitement de texte, avec des accents : é, à, ç.</p>"
    body = paragraph * (3 * 1024 * 1024 // len(paragraph))
    data = form_data(client.get(url)) | {"body": body}
    encoded = urlencode(data)
    assert len(encoded) > 2.5 * 1024 * 1024
    response = client.post(
        url, encoded, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body.count("Un paragraphe collé") == body.count(
        "Un paragraphe collé"
    )


def test_other_forms_keep_djangos_limit(client):
    body = "username=x&password=" + "x" * (3 * 1024 * 1024)
    response = client.post(
        LOGIN, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413


# --- Headers -------------------------------------------------------------------------


def test_pages_may_not_be_loaded_by_other_sites(client):
    assert client.get("/")["Cross-Origin-Resource-Policy"] == "same-origin"


def test_photos_may_be_shown_by_other_sites(client, media_root):
    (media_root / "images").mkdir(parents=True)
    (media_root / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    response = client.get("/media/images/photo.jpg")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_rendition_addresses_and_their_files_may_be_shown_by_other_sites(
    client, media_root
):
    image = make_image()
    make_article(hero_image=image)
    redirect = client.get(f"/images/{image.pk}/w640.webp")
    assert redirect.status_code == 302
    assert redirect["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert client.get(redirect["Location"])["Cross-Origin-Resource-Policy"] == (
        "cross-origin"
    )


def csp_of(**env):
    code = (
        "import json; from newsday import settings; "
        "print(json.dumps(settings.SECURE_CSP['upgrade-insecure-requests']))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        env=os.environ
        | {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "www.example.fr",
        }
        | env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_plain_http_site_does_not_ask_browsers_to_upgrade_requests():
    assert (
        csp_of(SECURE_SSL_REDIRECT="false", SITE_URL="http://www.example.fr") == "false"
    )


@pytest.mark.parametrize(
    "env",
    [
        {"SECURE_SSL_REDIRECT": "true", "SITE_URL": "http://www.example.fr"},
        {"SECURE_SSL_REDIRECT": "false", "SITE_URL": "https://www.example.fr"},
    ],
)
def test_https_site_asks_browsers_to_upgrade_requests(env):
    assert csp_of(**env) == "true"
