"""A visitor on the home page, in French and English, with a mouse, a keyboard and a phone."""

import pytest

from .accessibility import axe_violations, horizontal_overflow

# Read-only: the demo content is loaded once for the session (`demo_site`); the mark creates the test database.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_page_has_no_wcag_violations(page, demo_site, language):
    page.goto(f"{demo_site}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


def test_language_switcher_goes_to_the_english_home(page, demo_site):
    page.goto(f"{demo_site}/fr/")
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    page.wait_for_url(f"{demo_site}/en/")
    assert page.locator("h1").inner_text() == "Canadian Council for Refugees"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, demo_site):
    page.goto(f"{demo_site}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_phone_width_has_no_horizontal_scrolling(browser, demo_site, language):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(f"{demo_site}/{language}/")
        assert horizontal_overflow(phone) == 0
    finally:
        context.close()
