"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Without /usr/bin/chromium these tests skip with the reason, except where
REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
On failure each test leaves a screenshot and the page's HTML in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

from django.test import override_settings

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in this thread while it is open. Django then
    refuses ORM calls from the thread unless DJANGO_ALLOW_ASYNC_UNSAFE is set (the calls the tests
    make between browser steps are synchronous and safe), and keeps this thread's connections apart
    from the ones it had before: closing Playwright at the end of the module gives those back to the
    tests that come after (serialized rollback restores through them).
    """
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package to run browser tests"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev requirements install it
        pytest.skip("playwright is not installed")
    from django.db import connections

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
                # The connections opened while the loop ran (PostgreSQL: real sessions) end with it.
                connections.close_all()


def _artifact_name(nodeid):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-150:]


@pytest.fixture
def browser_context(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CA")
    yield context
    context.close()


@pytest.fixture
def page(browser_context, request):
    page = browser_context.new_page()
    page.set_default_timeout(15_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = _artifact_name(request.node.nodeid)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception:  # noqa: BLE001,S110 - a broken page must not hide the real failure
            pass
    page.close()


@pytest.fixture(scope="module")
def demo_site(demo_database, browser):
    """The URL of a live server of the module's own serving the session's demo content.

    The content is committed (the server thread must see it): the tests run after the other demo
    tests and may change it through the browser (mark them `changes_demo`); the database goes back to
    the migrated state after the last of them. The server is started once the browser is open, so
    that on in-memory SQLite it shares the connection the tests use. pytest-django's `live_server`
    fixture is not used: it makes each test transactional, and the flush after each one would wipe
    the demo content that is loaded once per session. ALLOWED_HOSTS is "*" in the test settings.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    try:
        # Links in emails lead to this server, as they lead to SITE_URL in production.
        with override_settings(SITE_URL=server.url, WAGTAILADMIN_BASE_URL=server.url):
            yield server.url
    finally:
        server.stop()


@pytest.fixture
def live_demo(demo_site):
    """The demo content, served by the live server (the same server as `demo_site`)."""
    return demo_site


DEMO_PASSWORD = "coalition-member"  # development credentials of the demo accounts (docs/members.md)


def sign_in(page, base_url, email, language="fr", password=DEMO_PASSWORD):
    """Sign in through allauth's form, as a person would: email, password, the submit button."""
    page.goto(f"{base_url}/{language}/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
