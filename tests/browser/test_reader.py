"""A reader in a real browser: the path through the site, and accessibility."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import (
    make_article,
    make_author,
    make_correction,
    make_related_link,
    make_section,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site():
    now = timezone.now()
    politique = make_section(
        name="Politique", slug="politique", description="La vie politique."
    )
    make_section(name="Économie", slug="economie")
    author = make_author(
        name="Anne Martin",
        slug="anne-martin",
        role="Journaliste politique",
        bio="Anne Martin suit le Parlement.",
    )
    article = make_article(
        section=politique,
        title="Budget : le gouvernement recule sur la TVA",
        slug="budget-le-gouvernement-recule",
        standfirst="Face à la fronde, le Premier ministre renonce à la hausse.",
        body="<p>Le texte sera « revu » d’ici mardi.</p><h2>Une majorité divisée</h2>"
        "<p>Les députés ont voté 312 voix contre 250.</p>"
        "<blockquote><p>« Nous avons entendu », dit le ministre.</p></blockquote>",
        authors=[author],
        tags=["Budget", "TVA"],
        is_featured=True,
        is_breaking=True,
        sources="Avec AFP",
    )
    other = make_article(
        section=politique,
        title="Les sénateurs examinent le texte",
        tags=["Budget"],
        publish_at=now - dt.timedelta(hours=3),
    )
    make_related_link(article, target=other)
    make_correction(article, text="Le vote a eu lieu mardi, non lundi.")
    return {"article": article, "author": author}


def test_reader_goes_home_section_article_author_search_and_back(page, site):
    page.goto("/")
    assert page.locator("h1").inner_text()
    page.get_by_role("navigation", name="Rubriques").get_by_role(
        "link", name="Politique"
    ).click()
    page.wait_for_url("**/politique/")
    assert page.locator("h1").inner_text() == "Politique"

    page.get_by_role(
        "link", name="Budget : le gouvernement recule sur la TVA"
    ).first.click()
    page.wait_for_url("**/budget-le-gouvernement-recule/")
    assert "Budget" in page.locator("h1").inner_text()
    assert page.get_by_text("Rectificatif du").is_visible()

    page.get_by_role("link", name="Anne Martin").click()
    page.wait_for_url("**/auteurs/anne-martin/")
    assert page.locator("h1").inner_text() == "Anne Martin"

    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("sénateurs")
    search.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche/?q=*")
    assert page.get_by_role(
        "link", name="Les sénateurs examinent le texte"
    ).is_visible()

    page.go_back()
    page.wait_for_url("**/auteurs/anne-martin/")
    page.go_back()
    page.wait_for_url("**/budget-le-gouvernement-recule/")
    assert page.get_by_role("heading", name="À lire aussi").is_visible()


def test_article_reads_without_javascript(browser, live_server, site):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto(site["article"].get_absolute_url())
    assert "Une majorité divisée" in page.locator("article").inner_text()
    context.close()


def test_skip_link_takes_keyboard_users_to_the_content(page, site):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


PAGES = {
    "home": "/",
    "section": "/politique/",
    "article": None,
    "author": "/auteurs/anne-martin/",
    "tag": "/mots-cles/budget/",
    "search": "/recherche/?q=budget",
    "not found": "/page-qui-n-existe-pas/",
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_has_no_serious_accessibility_violation(
    page, site, assert_accessible, kind
):
    page.goto(PAGES[kind] or site["article"].get_absolute_url())
    assert_accessible(page)


@pytest.mark.parametrize("kind", ["home", "article"])
@pytest.mark.parametrize("browser_context_options", [{"color_scheme": "dark"}])
def test_dark_theme_has_no_serious_accessibility_violation(
    page, site, assert_accessible, kind
):
    page.goto(PAGES[kind] or site["article"].get_absolute_url())
    assert_accessible(page)


def test_phone_layout_does_not_scroll_sideways(browser, live_server, site):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url
    )
    page = context.new_page()
    for url in ["/", site["article"].get_absolute_url()]:
        page.goto(url)
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        ), url
    context.close()


def test_accessibility_check_catches_a_serious_violation(page, assert_accessible):
    page.set_content(
        '<html lang="fr"><title>t</title><main><img src="x.png"></main></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
