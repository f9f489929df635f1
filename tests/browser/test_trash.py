"""In a real Chromium: an editor deletes a live article (with a reason), a
reader finds « Cet article a été supprimé », the editor restores it from the
« Corbeille » and it comes back offline.

The browser comes from tests/browser/conftest.py (Debian's Chromium, no
browser download).
"""

import pytest

from articles.models import Article
from tests.factories import make_article, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user):
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "motdepasse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_editor_trashes_a_live_article_and_restores_it(
    page, browser, live_server, assert_accessible
):
    article = make_article(title="Un article publié par erreur")
    address = article.get_absolute_url()
    sign_in(page, make_editor(username="elise"))

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("a.deletelink")
    page.click("input[type=submit][value='Oui, mettre à la corbeille']")
    # The browser refuses an empty reason (required); the server would too.
    assert page.url.endswith("/delete/")
    page.fill("#id_raison", "Publié par erreur.")
    page.click("input[type=submit][value='Oui, mettre à la corbeille']")
    page.wait_for_selector("text=a été mis à la corbeille")

    reader = browser.new_context(base_url=live_server.url, locale="fr-FR")
    response = reader.new_page().goto(address)
    assert response.status == 410
    reader.close()

    page.click(".object-tools a:text-is('Corbeille')")
    page.wait_for_selector("#trash-list")
    assert "Publié par erreur." in page.inner_text("#trash-list")
    assert "30\u00a0jours" in page.inner_text("#trash-list")
    assert_accessible(page)
    page.click("button:has-text('Restaurer')")
    page.wait_for_selector("text=publiez-le pour le remettre en ligne")
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
