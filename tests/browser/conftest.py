"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Without /usr/bin/chromium these tests skip with the reason, except where
REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
On failure each test leaves a screenshot and the page's HTML in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest

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

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
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

    # Between its sync calls Playwright marks its event loop as running in this thread, and Django's
    # connection handler then keeps connections in a context variable instead of the thread-local
    # (asgiref's thread-critical Local). Connections opened before this point would be replaced by
    # fresh objects that lack the serialized migration data transactional tests restore from:
    # carry them over.
    opened = connections.all(initialized_only=True)
    with sync_playwright() as playwright:
        for connection in opened:
            connections[connection.alias] = connection
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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


@pytest.fixture
def live_demo(django_db_serialized_rollback, live_server):
    """The demo content, served by the live server.

    The live server needs committed data; serialized rollback restores what the
    migrations created (root page, locale, groups) after each test's flush.
    """
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo_content", stdout=StringIO())
    return live_server.url


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content loaded ONCE per module and served by a live server of its own.

    For read-only tests: loading the demo per test takes ~15 s. The content is committed
    (the server thread must see it) and the database is put back as the migrations left
    it at module end: flushed and restored from a serialisation taken before loading,
    as Django's serialized rollback does. pytest-django's `live_server` fixture is not
    used on purpose: it makes every test that uses it transactional, and the flush
    after each such test would wipe the demo content for the next one.
    """
    from io import StringIO

    from pytest_django.live_server_helper import LiveServer

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    with django_db_blocker.unblock():
        migrated_state = connection.creation.serialize_db_to_string()
        call_command("load_demo_content", stdout=StringIO())
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    try:
        yield server.url
    finally:
        server.stop()
        server._live_server_modified_settings.disable()
        with django_db_blocker.unblock():
            # Restoring a multi-table child (a GroupApprovalTask) builds it without its parent's id, and
            # Wagtail then looks up its content type: with a cold cache (a reused database: no migrations
            # ran in this process) that inserts a new row, and the restored one collides with it. The ids
            # come back unchanged, so the cache filled now stays right.
            ContentType.objects.get_for_models(*apps.get_models())
            # Sequences are kept (as Django's serialized rollback does): the restored rows keep their ids
            # and PostgreSQL would otherwise hand out id 1 again.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            connection.creation.deserialize_db_from_string(migrated_state)


DEMO_PASSWORD = "coalition-member"  # development credentials of the demo accounts (docs/members.md)


def sign_in(page, base_url, email, language="fr", password=DEMO_PASSWORD):
    """Sign in through allauth's form, as a person would: email, password, the submit button."""
    page.goto(f"{base_url}/{language}/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
