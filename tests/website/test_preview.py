"""« Prévisualiser » for signed-in staff, and shared links for people
without an account (the admin page that makes them:
tests/articles/admin/test_preview_links.py)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink
from articles.revisions import article_snapshot
from articles.services import (
    article_revision_create,
    article_schedule_change,
    preview_link_create,
    preview_link_revoke,
)
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


def link_path(link):
    return reverse("preview:link", kwargs={"token": link.token})


# --- « Prévisualiser » for signed-in staff ----------------------------------------------


def test_staff_preview_shows_a_draft_with_the_public_template(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("preview:article", args=[draft.pk]))
    assert response.status_code == 200
    assert response.template_name == ["articles/detail.html"]
    assert "Scoop pas encore publié" in response.text


def test_preview_is_never_cached_nor_indexed(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("preview:article", args=[draft.pk]))
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "noindex" in response["X-Robots-Tag"]


def test_staff_preview_asks_anonymous_visitors_to_log_in(client, draft):
    response = client.get(reverse("preview:article", args=[draft.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.usefixtures("two_factor_required")
def test_a_password_only_session_is_sent_to_the_code_login(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("preview:article", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/preview/")


@pytest.mark.usefixtures("two_factor_required")
def test_a_session_verified_with_a_code_previews(
    client, editor, draft, verified_session
):
    verified_session(client, editor)
    response = client.get(reverse("preview:article", args=[draft.pk]))
    assert response.status_code == 200


def test_staff_preview_of_an_old_revision(client, editor, draft):
    article_revision_create(article=draft, user=editor)
    draft.title = "Titre d’aujourd’hui"
    draft.save()
    client.force_login(editor)
    response = client.get(reverse("preview:article", args=[draft.pk]), {"revision": 1})
    assert "Scoop pas encore publié" in response.text


def test_staff_preview_of_a_scheduled_new_version(client, editor):
    article = make_article(title="Version en ligne")
    change = article_schedule_change(
        article=article,
        user=editor,
        content=article_snapshot(article) | {"title": "Version de demain"},
        apply_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(editor)
    response = client.get(
        reverse("preview:article", args=[article.pk]), {"modification": change.pk}
    )
    assert "Version de demain" in response.text


def test_staff_preview_of_a_revision_that_does_not_exist_is_not_found(
    client, editor, draft
):
    client.force_login(editor)
    response = client.get(
        reverse("preview:article", args=[draft.pk]), {"revision": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("key", ["revision", "modification"])
@pytest.mark.parametrize("value", ["²", "9" * 5000])
def test_staff_preview_of_a_version_number_int_cannot_read_is_not_found(
    client, editor, draft, key, value
):
    client.force_login(editor)
    client.raise_request_exception = False
    response = client.get(reverse("preview:article", args=[draft.pk]), {key: value})
    assert response.status_code == 404


def test_journalist_cannot_preview_another_journalists_draft(
    as_journalist, others_draft
):
    response = as_journalist.get(reverse("preview:article", args=[others_draft.pk]))
    assert response.status_code == 404


# --- Shared links, for people without an account -------------------------------------------


def test_shared_link_shows_the_article_to_anyone(client, editor, draft):
    link = preview_link_create(article=draft, user=editor)
    response = client.get(link_path(link))
    assert response.status_code == 200
    assert "Scoop pas encore publié" in response.text
    assert {"private", "no-store"} <= {
        p.strip() for p in response["Cache-Control"].split(",")
    }
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_shared_link_lasts_48_hours_by_default(client, editor, draft):
    with time_machine.travel(T, tick=False):
        link = preview_link_create(article=draft, user=editor)
    with time_machine.travel(
        T + dt.timedelta(hours=48) - dt.timedelta(seconds=1), tick=False
    ):
        assert client.get(link_path(link)).status_code == 200


def test_expired_shared_link_says_so(client, editor, draft):
    with time_machine.travel(T, tick=False):
        link = preview_link_create(article=draft, user=editor)
    with time_machine.travel(T + dt.timedelta(hours=48), tick=False):
        response = client.get(link_path(link))
    assert response.status_code == 410
    assert "expiré" in response.text
    assert "Scoop" not in response.text


def test_revoked_shared_link_shows_nothing(client, editor, draft):
    link = preview_link_create(article=draft, user=editor)
    preview_link_revoke(link=link, user=editor)
    response = client.get(link_path(link))
    assert response.status_code == 410
    assert "Scoop" not in response.text


def test_tampered_token_is_not_found(client, editor, draft):
    link = preview_link_create(article=draft, user=editor)
    token = link.token
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("preview:link", kwargs={"token": tampered}))
    assert response.status_code == 404


def test_a_link_cannot_be_pointed_at_another_article(client, editor, draft):
    other = make_article(
        status=Article.Status.DRAFT, publish_at=None, title="Autre secret"
    )
    link = preview_link_create(article=draft, user=editor)
    forged = signing.Signer(salt="not-our-salt").sign_object(
        {"l": str(link.pk), "a": other.pk}
    )
    resigned = signing.Signer(salt=PreviewLink.SIGNING_SALT).sign_object(
        {"l": str(link.pk), "a": other.pk}
    )
    for token in (forged, resigned):
        response = client.get(reverse("preview:link", kwargs={"token": token}))
        assert response.status_code == 404
        assert "Autre secret" not in response.text


def test_garbage_token_is_not_found(client):
    assert client.get("/preview/lien/n-importe-quoi/").status_code == 404


def _rendition_paths(page):
    return sorted(set(re.findall(r"/images/\d+/w\d+\.\w+", page)))


def test_shared_link_shows_outsiders_a_hero_image_not_made_yet(
    client, editor, media_root
):
    draft = make_article(
        status=Article.Status.DRAFT, publish_at=None, hero_image=make_image()
    )
    link = preview_link_create(article=draft, user=editor)
    page = client.get(link_path(link)).text
    paths = _rendition_paths(page)
    assert paths
    for path in paths:
        assert client.get(path).status_code == 302, path


def test_a_shared_link_opens_no_other_unpublished_image(client, editor, media_root):
    draft = make_article(
        status=Article.Status.DRAFT, publish_at=None, hero_image=make_image()
    )
    other = make_image()
    make_article(status=Article.Status.DRAFT, publish_at=None, hero_image=other)
    client.get(link_path(preview_link_create(article=draft, user=editor)))
    assert client.get(f"/images/{other.pk}/w640.jpg").status_code == 404


def test_images_of_a_shared_link_close_with_the_link(client, editor, media_root):
    with time_machine.travel(T, tick=False):
        image = make_image()
        draft = make_article(
            status=Article.Status.DRAFT, publish_at=None, hero_image=image
        )
        link = preview_link_create(article=draft, user=editor)
        client.get(link_path(link))
    with time_machine.travel(link.expires_at + dt.timedelta(seconds=1), tick=False):
        assert client.get(f"/images/{image.pk}/w640.jpg").status_code == 404


# --- The « Aperçu » bar and the planned date -----------------------------------------


def test_a_draft_preview_carries_the_bar_and_says_not_scheduled(client, editor, draft):
    client.force_login(editor)
    html = client.get(reverse("preview:article", args=[draft.pk])).text
    assert 'class="preview-bar"' in html
    assert "Aperçu – non publié" in html
    assert '<p class="dates">Non programmé' in html
    assert "Publié le" not in html


def test_a_scheduled_article_preview_shows_its_planned_date(client, editor):
    paris = ZoneInfo("Europe/Paris")
    article = make_article(
        status=Article.Status.SCHEDULED,
        publish_at=dt.datetime(2099, 12, 7, 7, 0, tzinfo=paris),
    )
    client.force_login(editor)
    html = client.get(reverse("preview:article", args=[article.pk])).text
    assert "Publication prévue le 7 décembre 2099 à 7\u00a0h\u00a000" in html
    assert "Publié le" not in html


def test_a_shared_preview_carries_the_bar_too(client, editor, draft):
    html = client.get(link_path(preview_link_create(article=draft, user=editor))).text
    assert "Aperçu – non publié" in html
    assert "Publié le" not in html


def test_a_scheduled_new_version_preview_shows_when_it_goes_online(client, editor):
    article = make_article(title="Version en ligne")
    change = article_schedule_change(
        article=article,
        user=editor,
        content=article_snapshot(article) | {"title": "Version de demain"},
        apply_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(editor)
    html = client.get(
        reverse("preview:article", args=[article.pk]), {"modification": change.pk}
    ).text
    assert "Aperçu – nouvelle version, non publiée" in html
    assert "Publication prévue le" in html


def test_a_live_article_preview_keeps_its_publication_date(client, editor):
    article = make_article()
    client.force_login(editor)
    html = client.get(reverse("preview:article", args=[article.pk])).text
    assert "Aperçu – version en ligne" in html
    assert "Publié le" in html
