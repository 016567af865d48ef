"""Journey 1 and the public pages' accessibility, against the demo content loaded once for the session.

Read-only: nothing here changes the database (see the `demo_site` fixture).
"""

import re

import pytest

from django.utils import translation

from .accessibility import axe_violations, horizontal_overflow
from .conftest import sign_in

# The mark makes pytest-django create the test database; each test then runs in a transaction
# that is rolled back, above the session's committed demo content.
pytestmark = pytest.mark.django_db

GROUP_LINKS = "main h3[id^='group-'] a"
LANGUAGES = {
    "fr": {"other": "en", "other_name": "English", "groups": "Groupes de travail", "projects": "Projets"},
    "en": {"other": "fr", "other_name": "Français", "groups": "Working groups", "projects": "Projects"},
}


def _open_first_link(page, section_id):
    link = page.locator(f"section[aria-labelledby='{section_id}'] h3 a").first
    title = link.inner_text().strip()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == title
    return page.url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_journey_1_home_to_a_group_in_the_other_language_then_a_project_and_an_achievement(page, demo_site, language):
    words = LANGUAGES[language]
    page.goto(f"{demo_site}/{language}/")
    menu_link = page.locator("#site-nav").get_by_role("link", name=re.compile(words["groups"], re.IGNORECASE))
    menu_title = menu_link.inner_text().strip()
    menu_link.click()
    page.wait_for_url(re.compile(rf"/{language}/[^/]+/$"))
    # Staff may give a menu item a shorter label than the page's title (« Groupes de travail »).
    assert menu_title.lower() in page.locator("h1").inner_text().strip().lower()

    group_links = page.locator(GROUP_LINKS)
    assert group_links.count() >= 3, "the index lists the three demo groups"
    group_link = group_links.first
    group_title = group_link.inner_text().strip()
    group_link.click()
    page.wait_for_load_state()
    assert page.locator("h1#group-title").inner_text().strip() == group_title
    group_url = page.url

    other = words["other"]
    page.get_by_role("navigation", name=re.compile("Langue|Language")).get_by_role(
        "link", name=words["other_name"]
    ).click()
    page.wait_for_url(re.compile(rf"/{other}/"))
    assert page.locator("html").get_attribute("lang") == other
    # The same group: its translation, not the other language's index or home page.
    assert page.locator("h1#group-title").count() == 1
    assert page.url != group_url
    assert page.url.count("/") == group_url.count("/")
    other_title = page.locator("h1#group-title").inner_text().strip()
    # ... and switching back returns to the group we came from.
    back = page.get_by_role("navigation", name=re.compile("Langue|Language")).locator(f"a[hreflang='{language}']")
    assert back.get_attribute("href") == group_url.removeprefix(demo_site)

    _open_first_link(page, "projects-title")
    assert page.locator("html").get_attribute("lang") == other
    assert page.get_by_role("link", name=other_title).count() >= 1, "the project links back to its group"
    page.go_back()
    _open_first_link(page, "achievements-title")
    assert page.locator("html").get_attribute("lang") == other


def _public_pages(page, base, language):
    """Index, a group, a project and an achievement, found by following links as a visitor would."""
    index = {"fr": "groupes-de-travail", "en": "working-groups"}[language]
    page.goto(f"{base}/{language}/{index}/")
    group = page.locator(GROUP_LINKS).first.get_attribute("href")
    page.goto(base + group)
    project = page.locator("section[aria-labelledby='projects-title'] h3 a").first.get_attribute("href")
    achievement = page.locator("section[aria-labelledby='achievements-title'] h3 a").first.get_attribute("href")
    # The library with filters applied (chosen in its form), a public resource and a members-only one
    # (seen by a visitor: the lock and the sign-in links).
    page.goto(f"{base}/{language}/resources/")
    filters = page.locator("form.resource-filters")
    filters.locator("select[name=working_group]").select_option(index=1)
    filters.locator("select[name=sort]").select_option("title")
    filters.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/resources/\?.*working_group=\d+"))
    library = page.url.removeprefix(base)
    assert page.locator("ul.resource-cards article").count() >= 1, "the first group has resources"
    page.goto(f"{base}/{language}/resources/?audience=public")
    public_resource = page.locator(".resource-card__title a").first.get_attribute("href")
    page.goto(f"{base}/{language}/resources/?audience=members")
    members_resource = page.locator(".resource-card__title a").first.get_attribute("href")
    # The meetings listing filtered, a meeting, the Consultations and a workshop.
    meetings = {"fr": "rencontres", "en": "meetings"}[language]
    page.goto(f"{base}/{language}/{meetings}/?attendance=in-person")
    meeting = page.locator("#upcoming-title ~ ul .wg-meeting__title a").first.get_attribute("href")
    consultation = page.locator("#consultations-title ~ ul a").first.get_attribute("href")
    page.goto(base + consultation)
    workshop = page.locator("#workshops-title ~ ul .wg-meeting__title a").first.get_attribute("href")
    return [
        f"/{language}/{meetings}/?attendance=in-person",
        meeting,
        consultation,
        workshop,
        f"/{language}/{index}/",
        group,
        project,
        achievement,
        library,
        public_resource,
        members_resource,
        f"/{language}/accounts/login/",
        f"/{language}/accounts/signup/",
        f"/{language}/search/?q=groupe",
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_have_no_wcag_violations_and_no_sideways_scrolling_on_a_phone(browser, page, demo_site, language):
    paths = _public_pages(page, demo_site, language)
    phone_context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = phone_context.new_page()
    failures = {}
    try:
        for path in paths:
            response = page.goto(demo_site + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language, path
            violations = axe_violations(page)
            if violations:
                failures[path] = violations
            phone.goto(demo_site + path)
            overflow = horizontal_overflow(phone)
            if overflow:
                failures.setdefault(path, []).append(f"{overflow}px of horizontal scrolling at 360px")
    finally:
        phone_context.close()
    assert failures == {}


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])"


def _keyboard_page_url(page, base, language, which):
    if which == "group":
        index = {"fr": "groupes-de-travail", "en": "working-groups"}[language]
        page.goto(f"{base}/{language}/{index}/")
        return base + page.locator(GROUP_LINKS).first.get_attribute("href")
    if which == "library":
        return f"{base}/{language}/resources/?audience=members&sort=title"
    return f"{base}/{language}/accounts/signup/"


@pytest.mark.parametrize("which", ["group", "library", "signup"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_keyboard_skip_link_then_every_control_in_order_with_visible_focus(page, demo_site, language, which):
    page.goto(_keyboard_page_url(page, demo_site, language, which))
    # Every visible focusable element, in document order (no positive tabindex on the site).
    expected = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter((el) => el.offsetParent !== null || el.getClientRects().length)
            .map((el, i) => { el.dataset.tabOrder = i; return i; })""",
        FOCUSABLE,
    )
    assert len(expected) > 10
    positive_tabindex = "[tabindex]:not([tabindex='0']):not([tabindex='-1'])"
    assert page.locator(positive_tabindex).count() == 0
    reached = []
    invisible = []
    for _ in range(len(expected)):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const shadow = style.boxShadow && style.boxShadow !== 'none';
                const box = el.getBoundingClientRect();
                return {order: el.dataset.tabOrder, label: (el.textContent || el.name || '').trim().slice(0, 40),
                        visible: (outline || shadow) && box.width > 0 && box.height > 0};
            }"""
        )
        reached.append(int(state["order"]) if state["order"] is not None else None)
        if not state["visible"]:
            invisible.append(state["label"])
    assert reached == expected, "Tab visits every control once, in document order"
    assert invisible == [], "every focused control shows an outline"

    # The first stop is the skip link; following it puts the focus on the main content.
    page.reload()
    page.keyboard.press("Tab")
    with translation.override(language):
        assert page.evaluate("document.activeElement.textContent.trim()") == translation.gettext("Skip to main content")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # ... and the next Tab goes to the first control inside it, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def _check_page(page, phone, url, language):
    """axe violations and sideways scrolling of one page, seen on a desktop and on a phone."""
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == language
    problems = axe_violations(page)
    phone.goto(url)
    overflow = horizontal_overflow(phone)
    if overflow:
        wide = phone.evaluate(
            """() => Array.from(document.querySelectorAll('body *'))
                .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(-3).map((el) => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 30))"""
        )
        problems.append(f"{overflow}px of horizontal scrolling at 360px: {wide}")
    return problems


def _members_only_resource(language):
    from resources.models import Resource

    resource = Resource.objects.filter(live=True, audience="members", locale__language_code=language).order_by("date")
    return resource.first()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_members_dashboard_and_not_approved_page_are_accessible(browser, page, demo_site, language):
    from wagtail.models import Locale

    from workinggroups.models import WorkingGroupPage

    group = WorkingGroupPage.objects.filter(locale=Locale.get_default()).first()
    phone_context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = phone_context.new_page()
    failures = {}
    try:
        # An approved member (co-chair and organisation administrator: the fullest dashboard).
        sign_in(page, demo_site, "marie.tremblay@example.org", language)
        sign_in(phone, demo_site, "marie.tremblay@example.org", language)
        assert page.url.endswith(f"/{language}/members/")
        with translation.override(language):
            assert page.locator("h1").inner_text().strip() == translation.gettext("Members dashboard")
        failures["approved dashboard"] = _check_page(page, phone, f"{demo_site}/{language}/members/", language)
        # A members-only resource, with its download button for a member.
        resource = _members_only_resource(language)
        page.goto(demo_site + resource.get_url())
        assert page.locator(".resource__download a[download]").count() == 1
        failures["resource, member"] = _check_page(page, phone, demo_site + resource.get_url(), language)

        # A pending member: the dashboard explains why, a members-only page answers 403 with the same note.
        page.context.clear_cookies()
        phone_context.clear_cookies()
        sign_in(page, demo_site, "amir.haddad@example.org", language)
        sign_in(phone, demo_site, "amir.haddad@example.org", language)
        assert page.locator("#status-heading").is_visible()
        failures["pending dashboard"] = _check_page(page, phone, f"{demo_site}/{language}/members/", language)
        roster = f"{demo_site}/{language}/members/groups/{group.pk}/roster/"
        assert page.goto(roster).status == 403
        assert page.locator("h1").count() == 1
        failures["not approved page"] = _check_page(page, phone, roster, language)
        # The resource says why there is no download button; the download address answers 403.
        failures["resource, pending"] = _check_page(page, phone, demo_site + resource.get_url(), language)
        download = demo_site + resource.get_download_url()
        assert page.goto(download).status == 403
        failures["download refused"] = _check_page(page, phone, download, language)
    finally:
        phone_context.close()
    assert {name: problems for name, problems in failures.items() if problems} == {}
