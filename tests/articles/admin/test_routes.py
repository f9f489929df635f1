"""The article admin's own pages: each loads, each checks the role."""

import pytest
from django.urls import reverse

from articles.services import preview_link_create
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_every_workflow_page_loads_for_a_superuser(
    change_url, superuser_client, editor
):
    article = make_article()
    link = preview_link_create(article=article, user=editor)
    superuser_client.get(change_url(article))  # stores revision 1
    urls = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        change_url(article),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_compare", args=[article.pk]) + "?a=1&b=1",
        reverse("admin:articles_article_calendar"),
        reverse("admin:articles_article_calendar") + "?vue=jour",
        reverse("admin:articles_article_correct", args=[article.pk]),
        reverse("admin:articles_article_preview_links", args=[article.pk]),
        reverse("admin:articles_article_workflow", args=[article.pk, "depublier"]),
        reverse("admin:articles_auditevent_changelist"),
        reverse("preview:article", args=[article.pk]),
    ]
    assert {
        url: superuser_client.get(url).status_code for url in urls
    } == dict.fromkeys(urls, 200)
    assert link.is_active()


@pytest.mark.parametrize(
    "name", ["calendar", "preview_links", "correct", "auditevent_changelist"]
)
def test_editor_pages_are_closed_to_journalists(as_journalist, own_published, name):
    args = [] if name in ("calendar", "auditevent_changelist") else [own_published.pk]
    prefix = (
        "admin:articles_"
        if name == "auditevent_changelist"
        else "admin:articles_article_"
    )
    assert as_journalist.get(reverse(prefix + name, args=args)).status_code == 403
