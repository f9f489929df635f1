"""Browser fixtures: Playwright driving Debian's Chromium against pytest-django's
live server. No browser is ever downloaded: without Chromium the tests skip,
except on CI (CI=true), where they fail.

Reusable by any browser test: ``page`` (a fresh French-locale page whose
``base_url`` is the live server) and ``assert_accessible(page)`` (axe-core,
shipped inside the axe-playwright-python wheel, no network needed).
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
# axe-core impacts that fail a test.
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM,
    # used by the tests' own set-up, must be allowed to run beside it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_context_options():
    """Override to change the context (e.g. ``color_scheme="dark"``)."""
    return {}


@pytest.fixture
def page(browser, live_server, browser_context_options):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", **browser_context_options
    )
    context.set_default_timeout(10_000)
    in_flight = set()
    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    page = context.new_page()
    yield page
    _let_the_server_finish(context, in_flight)
    context.close()


def _let_the_server_finish(context, in_flight, timeout_ms=10_000):
    """Stop new requests (an autosave timer, a poll) and wait for those under
    way: the live server shares the test database's connection, and a request
    still running while the database is emptied can roll the emptying back."""
    context.route("**/*", lambda route: route.abort())
    waited = 0
    while in_flight and context.pages and waited < timeout_ms:
        # Waiting through Playwright lets it deliver the requests' events.
        context.pages[0].wait_for_timeout(50)
        waited += 50
    assert not in_flight, f"requests never finished: {sorted(r.url for r in in_flight)}"


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Fail on any serious or critical axe-core violation on ``page``."""

    def check(page):
        violations = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + ", ".join(node["target"][0] for node in violation["nodes"][:5])
            for violation in axe.run(page).response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        assert not violations, f"{page.url}\n" + "\n".join(violations)

    return check


@pytest.fixture
def write_article():
    """Fill in the article form as a journalist does: a title, a rubrique, a
    chapô, and a paragraph typed into the body editor."""

    def write(page, *, title, section, standfirst, body):
        page.fill("#id_title", title)
        page.select_option("#id_section", label=section)
        page.fill("#id_standfirst", standfirst)
        page.click(".field-body .ProseMirror:visible")
        page.keyboard.type(body)

    return write
