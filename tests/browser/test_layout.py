"""The frame of every page in a browser: the header (logo in the page's language, a menu that
reaches its pages and opens without JavaScript), the footer's links, and the layout from a
320-pixel phone to a desktop in both languages."""

import pytest

from .accessibility import axe_violations, horizontal_overflow
from .test_visitor import GROUP_LINKS

# Read-only: the demo content is loaded once for the session (`demo_site`).
pytestmark = pytest.mark.django_db

LOGO = {"fr": "Conseil canadien pour les réfugiés", "en": "Canadian Council for Refugees"}
MENU = {"fr": "Menu", "en": "Menu"}
LIBRARY = {"fr": "Bibliothèque de ressources", "en": "Resource library"}
FILTER = {"fr": "Filtrer", "en": "Filter"}
FOOTER_PAGES = {
    "fr": ["Politique de confidentialité", "Déclaration d'accessibilité", "Conditions d'adhésion"],
    "en": ["Privacy policy", "Accessibility statement", "Terms of membership"],
}
MEETINGS = {"fr": "/fr/rencontres/", "en": "/en/meetings/"}
GROUPS = {"fr": "/fr/groupes-de-travail/", "en": "/en/working-groups/"}


def new_page(browser, width, *, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def box(locator):
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not displayed"
    return found


def share_a_row(first, second):
    """Whether two boxes overlap vertically (side by side on one row)."""
    return first["y"] < second["y"] + second["height"] and second["y"] < first["y"] + first["height"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_logo_in_the_pages_language_and_menu_links_reach_their_pages(page, demo_site, language):
    page.goto(f"{demo_site}/{language}/")
    logo = page.locator(".site-logo img")
    assert logo.get_attribute("alt") == LOGO[language]
    assert logo.evaluate("image => image.currentSrc").endswith(f"/img/logo-{language}.svg")
    assert logo.evaluate("image => image.naturalWidth") > 0, "the logo loads"
    links = page.locator("#site-nav a")
    targets = [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert len(targets) == 5  # groups, meetings, library, sign-in, sign-up
    for label, href in targets:
        assert href.startswith(f"/{language}/"), (label, href)
        page.goto(f"{demo_site}/{language}/")
        page.locator("#site-nav").get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(f"{demo_site}{href}")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1, label
    assert targets[0][1] == GROUPS[language]
    assert targets[1][1] == MEETINGS[language]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_menu_button_opens_the_menu_without_javascript(browser, demo_site, language):
    context, phone = new_page(browser, 360, javascript=False)
    try:
        phone.goto(f"{demo_site}/{language}/")
        button = phone.locator("summary", has_text=MENU[language])
        assert button.is_visible()
        assert not phone.locator("#site-nav").is_visible()
        button.click()
        assert phone.locator("#site-nav").is_visible()
        assert phone.locator("#site-search").is_visible()
        phone.locator("#site-nav").get_by_role("link", name=LIBRARY[language]).click()
        phone.wait_for_url(f"{demo_site}/{language}/resources/")
    finally:
        context.close()
    # axe runs in the page's JavaScript: the open menu is checked with it on.
    context, phone = new_page(browser, 360)
    try:
        phone.goto(f"{demo_site}/{language}/")
        phone.locator("summary", has_text=MENU[language]).click()
        assert phone.locator("#site-nav").is_visible()
        assert axe_violations(phone) == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_footer_links_reach_pages_in_the_same_language(page, demo_site, language):
    page.goto(f"{demo_site}/{language}/")
    footer = page.locator("footer.site-footer")
    assert footer.locator("a[href^='mailto:']").count() == 1
    assert footer.locator("a[href^='tel:']").count() == 1
    for label in FOOTER_PAGES[language]:
        page.goto(f"{demo_site}/{language}/")
        page.locator("footer.site-footer").get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state()
        assert page.url.startswith(f"{demo_site}/{language}/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").inner_text().strip() == label
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [320, 360, 1280])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_sideways_scrolling_and_a_header_on_one_row(browser, demo_site, language, width):
    context, screen = new_page(browser, width)
    try:
        for path in (f"/{language}/", GROUPS[language], f"/{language}/resources/"):
            screen.goto(demo_site + path)
            assert screen.evaluate("document.documentElement.scrollWidth <= innerWidth"), (path, width)
            assert horizontal_overflow(screen) == 0, (path, width)
        logo = box(screen.locator(".site-logo"))
        language_link = box(screen.locator(".language-switcher a"))
        assert share_a_row(logo, language_link)
        if width < 1024:
            # Phone and tablet: logo, language and menu button on one compact row.
            assert share_a_row(logo, box(screen.locator(".site-menu__button")))
            assert box(screen.locator(".site-header"))["height"] <= 80
        else:
            # Desktop: the menu inline on one line under the logo, no menu button.
            assert not screen.locator(".site-menu__button").is_visible()
            links = screen.locator("#site-nav a")
            tops = {round(box(links.nth(i))["y"]) for i in range(links.count())}
            assert len(tops) <= 2 and max(tops) - min(tops) < 12, tops
            assert box(screen.locator(".site-header"))["height"] <= 140
    finally:
        context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_on_a_phone_library_filters_wait_behind_one_button_and_taking_part_comes_first(browser, demo_site, language):
    context, phone = new_page(browser, 360)
    try:
        phone.goto(f"{demo_site}/{language}/resources/")
        filters = phone.locator("form.resource-filters")
        assert not filters.is_visible()
        first_card = box(phone.locator("ul.resource-cards article").first)
        assert first_card["y"] < 800, "the first resource is on the first screen"
        phone.locator("summary", has_text=FILTER[language]).click()
        assert filters.locator("select[name=sort]").is_visible()
        assert axe_violations(phone) == []

        phone.goto(demo_site + GROUPS[language])
        group = phone.locator(GROUP_LINKS).first.get_attribute("href")
        phone.goto(demo_site + group)
        take_part = box(phone.locator("#membership-panel-heading"))
        projects = box(phone.locator("#projects-title"))
        assert take_part["y"] < projects["y"]
        assert take_part["y"] < 900
    finally:
        context.close()


def test_wide_screens_show_the_library_filters_at_once(page, demo_site):
    page.goto(f"{demo_site}/en/resources/")
    assert page.locator("form.resource-filters select[name=sort]").is_visible()
    assert not page.locator("summary", has_text="Filter").is_visible()
