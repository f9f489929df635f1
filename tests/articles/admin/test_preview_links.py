"""The page that makes and revokes an article's shared preview links (the
links themselves: tests/website/test_preview.py)."""

import pytest
from django.urls import reverse

from articles.models import AuditEvent
from articles.services import preview_link_create

pytestmark = pytest.mark.django_db


def test_editor_creates_a_link_in_the_admin_and_it_is_audited(client, editor, draft):
    client.force_login(editor)
    url = reverse("admin:articles_article_preview_links", args=[draft.pk])
    client.post(url, {"note": "Service juridique", "hours": 48})
    link = draft.preview_links.get()
    page = client.get(url)
    assert link.full_url(page.wsgi_request) in page.text
    assert AuditEvent.objects.filter(
        article=draft,
        action=AuditEvent.Action.PREVIEW_LINK_CREATED,
        comment="Service juridique",
    ).exists()


def test_editor_revokes_a_link_in_the_admin(client, editor, draft):
    link = preview_link_create(article=draft, user=editor)
    client.force_login(editor)
    client.post(reverse("admin:articles_article_revoke_link", args=[draft.pk, link.pk]))
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(link.get_absolute_url()).status_code == 410
