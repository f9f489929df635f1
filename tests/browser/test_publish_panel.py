"""The edit page's publication panel in a real Chromium: an editor writes
and publishes an article with a photo in two page loads, and schedules an
existing one for tomorrow 07:00 in one page load and two clicks (the date field, « Programmer »), the date typed.

Page loads are counted as the browser's navigations (each ``framenavigated``
of the main frame); clicks are the ``page.click`` calls of the test."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_editor, make_image, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def editor_page(browser, live_server):
    """A window signed in as an editor, and ``loads()``: how many pages it
    has loaded since the last call."""
    editor = make_editor(username="elise")
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", timezone_id="Europe/Paris"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "motdepasse")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    navigations = []
    page.on(
        "framenavigated",
        lambda frame: (
            navigations.append(frame.url) if frame == page.main_frame else None
        ),
    )

    def loads():
        count = len(navigations)
        navigations.clear()
        return count

    page.loads = loads
    yield page
    context.route("**/*", lambda route: route.abort())
    page.wait_for_timeout(300)
    context.close()


def test_editor_writes_and_publishes_an_article_with_a_photo_in_two_page_loads(
    editor_page, write_article
):
    page = editor_page
    make_section(name="Société", slug="societe")
    make_image(title="Tramway de Tours", alt="Une rame de tramway place Jean-Jaurès")
    clicks = 0

    page.goto("/admin/articles/article/add/")
    write_article(
        page,
        title="Le tramway arrive à Tours",
        section="Société",
        standfirst="La première ligne ouvre lundi.",
        body="Les rames circuleront toutes les six minutes.",
    )
    page.click(".field-hero_image [data-action=choose]")
    page.click(".image-chooser-dialog .image-card")
    page.wait_for_selector(".field-hero_image .image-chooser__preview:not([hidden])")
    page.click(".publish-panel button[value=publier]")
    clicks += 4
    page.wait_for_selector(".messagelist .success")

    assert "Article enregistré et publié." in page.inner_text(".messagelist")
    assert page.loads() == 2
    article = Article.objects.get(slug="le-tramway-arrive-a-tours")
    assert article.status == Article.Status.PUBLISHED
    assert article.hero_image.title == "Tramway de Tours"
    assert "six minutes" in article.body
    assert clicks == 4


def test_editor_schedules_for_tomorrow_7_am_in_one_page_load_and_three_clicks(
    editor_page,
):
    page = editor_page
    article = make_article(status=Article.Status.REVIEW, publish_at=None)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert page.loads() == 1
    # The date as the picker or the keyboard leaves it (Playwright types
    # into a date field through fill).
    page.click("#id_go_live_at")
    page.fill("#id_go_live_at", f"{tomorrow:%Y-%m-%d}T07:00")
    page.click(".publish-panel button[value=programmer]")
    page.wait_for_selector(".messagelist .success")

    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert article.publish_at == dt.datetime.combine(
        tomorrow, dt.time(7, 0), tzinfo=PARIS
    )
    assert "Publication prévue le" in page.inner_text(".publish-panel")


def test_the_seo_preview_follows_the_title_and_warns_past_60_characters(
    editor_page,
):
    page = editor_page
    make_section(name="Société", slug="societe")
    page.goto("/admin/articles/article/add/")
    page.click("fieldset.seo-fieldset summary")
    page.fill("#id_title", "Un titre court")
    assert page.inner_text(".seo-title") == "Un titre court"
    page.fill("#id_seo_title", "Un titre pour Google bien trop long " * 3)
    page.wait_for_selector(".seo-warning[data-warning=search_title]")
    assert (
        page.inner_text(".seo-warning")
        == "Ce titre dépasse 60 caractères : Google le coupera."
    )
    assert page.inner_text(".share-card-title") == "Un titre court"


def test_at_1280_px_the_related_links_table_stays_within_the_page(editor_page):
    page = editor_page
    page.set_viewport_size({"width": 1280, "height": 800})
    article = make_article(status=Article.Status.REVIEW, publish_at=None)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    table_right = page.evaluate(
        "document.querySelector('#related_links-group table')"
        ".getBoundingClientRect().right"
    )
    column_right = page.evaluate(
        "document.querySelector('.article-main').getBoundingClientRect().right"
    )
    assert table_right <= column_right
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_a_long_headline_is_shown_whole(editor_page):
    page = editor_page
    headline = "Réforme des retraites : " + "le gouvernement recule encore " * 6
    article = make_article(title=headline.strip())
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator("#id_title").evaluate(
        "el => new Promise(done => { const check = () => el.scrollHeight <= "
        "el.clientHeight + 2 ? done() : setTimeout(check, 50); check(); })"
    )
    assert page.locator("#id_title").evaluate("el => el.clientHeight > 60")


def test_the_panel_and_the_seo_preview_are_accessible(editor_page, axe):
    # Scoped to what this page adds: Django's inline tables and the editor
    # have findings of their own.
    page = editor_page
    article = make_article(status=Article.Status.REVIEW, publish_at=None)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.click("fieldset.seo-fieldset summary")
    results = axe.run(
        page, context={"include": [[".publish-panel"], [".seo-fieldset"]]}
    )
    violations = [
        f"{v['id']} ({v['impact']}): " + ", ".join(n["target"][0] for n in v["nodes"])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert results.response["passes"], "axe checked nothing"
    assert not violations
