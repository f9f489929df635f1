"""The article form in a real Chromium: what a journalist sees while typing."""

import pytest

from tests.factories import make_journalist, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def journalist_page(page):
    make_section(name="Société", slug="societe")
    journalist = make_journalist(username="jules")
    page.goto("/admin/login/")
    page.fill("#id_username", journalist.username)
    page.fill("#id_password", "motdepasse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/articles/article/add/")
    return page


def test_word_count_and_reading_time_follow_the_text_as_it_is_typed(journalist_page):
    page = journalist_page
    page.click(".field-body .ProseMirror:visible")
    page.keyboard.type("Les contrôleurs aériens ont cessé le travail ce matin. " * 50)
    # 9 words, 50 times: 450 words: two minutes at 230 words a minute.
    page.wait_for_function(
        "document.getElementById('reading-stats').textContent.startsWith('450 mots')"
    )
    assert page.inner_text("#reading-stats") == "450 mots · 2 min de lecture"


def test_the_editor_toolbar_speaks_french(journalist_page):
    page = journalist_page
    toolbar = page.locator(".field-body .prose-menubar").first
    toolbar.locator("[title='Citation']").wait_for()
    titles = toolbar.locator("button[title]").evaluate_all("bs => bs.map(b => b.title)")
    for title in (
        "Liste à puces",
        "Liste numérotée",
        "Gras",
        "Italique",
        "Insérer un lien",
    ):
        assert title in titles
    assert not {"bold", "blockquote", "unordered list"} & set(titles)


def test_a_journalist_writes_an_intertitre_and_a_quote(journalist_page):
    page = journalist_page
    page.click(".field-body .ProseMirror:visible")
    page.keyboard.type("Un vote serré")
    page.keyboard.press("Control+Alt+2")  # the editor's intertitre shortcut
    page.keyboard.press("Enter")
    page.click(".field-body .prose-menubar [title='Citation']")
    page.keyboard.type("« Nous avons fait des choix difficiles »")
    body = page.input_value("textarea[name=body]")
    assert "<h2>Un vote serré</h2>" in body
    assert (
        "<blockquote><p>« Nous avons fait des choix difficiles »</p></blockquote>"
        in body
    )
