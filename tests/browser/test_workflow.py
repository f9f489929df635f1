"""In a real Chromium: a journalist writes and submits, an editor schedules,
a reader sees the article only once its time has come.

The browser comes from tests/browser/conftest.py (Debian's Chromium, no
browser download).
"""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.factories import make_editor, make_journalist, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_for(browser, live_server):
    """A new browser window signed in as ``user`` (or anonymous)."""
    contexts = []

    def open_page(user=None):
        context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        if user is not None:
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("#id_username", user.username)
            page.fill("#id_password", "motdepasse")
            page.click("input[type=submit]")
            page.wait_for_url(f"{live_server.url}/admin/")
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_journalist_writes_editor_schedules_reader_sees_it_at_its_time(
    page_for, live_server, write_article
):
    make_section(name="Société", slug="societe")
    journalist = make_journalist(username="jules")
    editor = make_editor(username="elise")

    # The journalist writes and submits.
    page = page_for(journalist)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    write_article(
        page,
        title="Les bibliothèques ouvrent le dimanche",
        section="Société",
        standfirst="Une expérimentation de six mois commence.",
        body="Dès ce week-end, douze bibliothèques ouvriront leurs portes.",
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".workflow-bar")
    page.click("a.workflow-button:has-text('Soumettre')")
    page.click("input[type=submit][value='Soumettre']")
    page.wait_for_selector(".status-badge.status-review")
    article = Article.objects.get(slug="les-bibliotheques-ouvrent-le-dimanche")
    assert article.status == Article.Status.REVIEW
    assert "douze bibliothèques" in article.body

    # The editor schedules it for the next full minute but one, in Paris time.
    go_live = (timezone.localtime() + dt.timedelta(minutes=2)).replace(
        second=0, microsecond=0
    )
    page = page_for(editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("a.workflow-button:has-text('Programmer')")
    page.fill("#id_publish_at", go_live.strftime("%Y-%m-%dT%H:%M"))
    page.click("input[type=submit][value='Programmer']")
    page.wait_for_selector(".status-badge.status-scheduled")
    article.refresh_from_db()
    assert article.publish_at == go_live

    # A reader: nothing before the second, the article from it on.
    reader = page_for()
    url = f"{live_server.url}{article.get_absolute_url()}"
    with time_machine.travel(go_live - dt.timedelta(seconds=1), tick=False):
        assert reader.goto(url).status == 404
        reader.goto(f"{live_server.url}/")
        assert "Les bibliothèques ouvrent le dimanche" not in reader.content()
    with time_machine.travel(go_live, tick=False):
        response = reader.goto(url)
        assert response.status == 200
        assert "Les bibliothèques ouvrent le dimanche" in reader.inner_text("h1")
        reader.goto(f"{live_server.url}/")
        assert "Les bibliothèques ouvrent le dimanche" in reader.content()


def test_a_closed_tab_loses_nothing(page_for, live_server):
    make_section(name="Culture", slug="culture")
    journalist = make_journalist(username="lea")

    page = page_for(journalist)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Festival de jazz : la programmation")
    page.click(".field-body .ProseMirror:visible")
    page.keyboard.type("Le festival accueillera quarante concerts.")
    page.wait_for_selector("#autosave-status:has-text('Enregistré automatiquement')")
    page.close()

    page = page_for(journalist)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.click("#autosave-banner a:has-text('Le reprendre')")
    assert page.input_value("#id_title") == "Festival de jazz : la programmation"
    assert "quarante concerts" in page.inner_text(".field-body .ProseMirror:visible")
