"""In a real Chromium: a reader keeps a live coverage page open while a
journalist posts from the posting screen; the entry arrives without a
reload, behind a « 1 nouvelle entrée » button, and an edit shows in place."""

import pytest
from django.urls import reverse

from live import services
from live.models import LiveEntry
from tests.factories import make_entry, make_journalist, make_live, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live(settings):
    # The poll every second instead of every 15: the test waits less.
    settings.LIVE_POLL_SECONDS = 1
    return make_live(
        title="Tempête : suivez la situation en direct",
        slug="tempete-en-direct",
        section=make_section(name="Société", slug="societe"),
    )


@pytest.fixture
def journalist_page(browser, live_server):
    journalist = make_journalist(username="jules")
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", journalist.username)
    page.fill("#id_password", "motdepasse")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def test_an_entry_posted_from_the_screen_reaches_an_open_page_without_reload(
    page, journalist_page, live, live_server
):
    first = make_entry(live, body="<p>Les premières rafales arrivent.</p>")
    page.goto(live.get_absolute_url())
    page.wait_for_selector(f"#entree-{first.pk}")
    page.evaluate("window.notReloaded = true")

    screen = journalist_page
    screen.goto(
        live_server.url + reverse("admin:live_livecoverage_post", args=[live.pk])
    )
    # The text is focused on arrival: typing goes straight into it.
    screen.wait_for_selector(".field-body .ProseMirror:focus")
    screen.keyboard.type("Un arbre est tombé sur la voie ferrée à Morlaix.")
    screen.keyboard.press("Control+Enter")
    screen.wait_for_selector("text=Entrée publiée.")

    button = page.get_by_role("button", name="1 nouvelle entrée")
    button.wait_for()
    assert page.get_by_text("Un arbre est tombé").count() == 0
    button.click()
    assert page.get_by_text("Un arbre est tombé sur la voie ferrée").is_visible()
    assert page.evaluate("window.notReloaded") is True


def test_an_edited_entry_changes_in_place_and_a_deleted_one_goes(page, live):
    journalist = make_journalist()
    kept = make_entry(live, body="<p>Bilan : deux blessés.</p>", created_by=journalist)
    gone = make_entry(
        live, body="<p>Information à vérifier.</p>", created_by=journalist
    )
    page.goto(live.get_absolute_url())
    page.wait_for_selector(f"#entree-{gone.pk}")

    services.entry_edit(
        entry=kept, user=journalist, body="<p>Bilan : trois blessés.</p>"
    )
    services.entry_delete(entry=gone, user=journalist)

    page.get_by_text("trois blessés").wait_for()
    page.locator(f"#entree-{gone.pk}").wait_for(state="detached")
    assert LiveEntry.objects.published().count() == 1
