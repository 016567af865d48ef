"""Journey 2: a newcomer signs up, verifies the address from the email, waits for approval, is approved by
their organisation's administrator, joins an open group, finds one of its members-only resources in the
library with the filters and downloads it; signed out, the same download is refused.
Journey 3: staff edit and publish a project, and translate a French page in wagtail-localize's editor.

Everything is done in the browser; only the email is read from the test outbox (the live server runs in
this process, with the locmem mail backend).
"""

import re
import time

import pytest

from django.core import mail

from .conftest import sign_in

# These journeys commit changes to the demo content through the live server: they run after the
# browser tests that only read it.
pytestmark = [pytest.mark.django_db, pytest.mark.changes_demo]

PASSWORD = "a-long-newcomer-passphrase-42"
ORGANISATION = "Toronto Refugee Settlement Network"  # James Chen administers it (docs/members.md)
LIBRARY_LINK = {"fr": "Toutes les ressources", "en": "All resources"}


def _submit(form):
    form.locator("button[type=submit]").last.click()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_journey_2_newcomer_signs_up_is_approved_joins_a_group_and_downloads_its_members_only_resource(
    browser, demo_site, language
):
    email = f"nadia.{language}@example.net"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    mail.outbox.clear()
    try:
        # Sign up.
        page.goto(f"{demo_site}/{language}/accounts/signup/")
        form = page.locator("main form").filter(has=page.locator("input[name=password1]"))
        form.locator("input[name=email]").fill(email)
        form.locator("input[name=first_name]").fill("Nadia")
        form.locator("input[name=last_name]").fill(f"Newcomer {language}")
        form.locator("input[name=password1]").fill(PASSWORD)
        form.locator("input[name=password2]").fill(PASSWORD)
        form.locator("select[name=preferred_language]").select_option(language)
        form.locator("select[name=organisation]").select_option(label=ORGANISATION)
        _submit(form)
        page.wait_for_url(lambda url: "/accounts/signup/" not in url)
        assert f"/{language}/" in page.url

        # Read the verification email, open its link, confirm.
        messages = [message for message in mail.outbox if email in message.to]
        assert len(messages) == 1
        link = re.search(r"https?://\S+/confirm-email/\S+", messages[0].body).group(0)
        page.goto(link)
        _submit(page.locator("main form"))
        page.wait_for_load_state()

        # Signing in works now; the dashboard says the account waits for approval.
        sign_in(page, demo_site, email, language, password=PASSWORD)
        assert page.url.endswith(f"/{language}/members/")
        assert page.locator("#status-heading").is_visible()
        assert page.locator("#groups-heading, #joinable-heading").count() == 0

        # The organisation's administrator approves them from their own dashboard.
        context.clear_cookies()
        sign_in(page, demo_site, "james.chen@example.org", language)
        row = page.locator("section[aria-labelledby='review-heading'] tr", has_text=email)
        row.locator("form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("section[aria-labelledby='review-heading'] tr", has_text=email).count() == 0

        # The newcomer, approved, joins the first group (open to members: docs/members.md).
        context.clear_cookies()
        sign_in(page, demo_site, email, language, password=PASSWORD)
        assert page.locator("#status-heading").count() == 0
        index = {"fr": "groupes-de-travail", "en": "working-groups"}[language]
        page.goto(f"{demo_site}/{language}/{index}/")
        page.locator("main h3[id^='group-'] a").first.click()
        page.wait_for_load_state()
        panel = page.locator("section[aria-labelledby='membership-panel-heading'], :has(> #membership-panel-heading)")
        panel.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        panel = page.locator(":has(> #membership-panel-heading)")
        assert panel.locator(".badge--ongoing").count() == 1, "the panel now says they are a member"

        # ... and the group is on their dashboard.
        group_title = page.locator("h1#group-title").inner_text().strip()
        page.goto(f"{demo_site}/{language}/members/")
        assert page.locator("section[aria-labelledby='groups-heading']").get_by_text(group_title).count() >= 1

        # From the dashboard to the library; the filters narrow it to the group's members-only resources.
        page.locator("section[aria-labelledby='group-resources-heading']").get_by_role(
            "link", name=LIBRARY_LINK[language]
        ).click()
        page.wait_for_url(re.compile(rf"/{language}/resources/$"))
        filters = page.locator("form.resource-filters")
        filters.locator("select[name=working_group]").select_option(label=group_title)
        filters.locator("select[name=audience]").select_option("members")
        filters.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r"/resources/\?.*working_group="))
        cards = page.locator("ul.resource-cards article")
        assert cards.count() >= 1
        for number in range(cards.count()):
            card = cards.nth(number)
            assert "resource-card--members" in card.get_attribute("class")
            assert card.locator(".tag", has_text=group_title).count() == 1
        # The newcomer is an approved member now: no lock, no "sign in" on the cards.
        assert cards.locator(".resource-card__access").count() == 0

        # Open the first one and download its file.
        link = cards.first.locator(".resource-card__title a")
        resource_title = link.inner_text().strip()
        link.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().strip() == resource_title
        download_link = page.locator(".resource__download a[download]")
        download_url = demo_site + download_link.get_attribute("href")
        with page.expect_download() as download_info:
            download_link.click()
        download = download_info.value
        assert download.failure() is None
        assert download.suggested_filename.endswith(".pdf")
        with open(download.path(), "rb") as downloaded:
            assert downloaded.read(5) == b"%PDF-"
        # The same request with the browser's cookies: a 200 and the file itself.
        response = page.request.get(download_url)
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF-")

        # Signed out (the header's button), the same address gives no file.
        page.locator(".account-links").get_by_role("button").click()
        page.wait_for_load_state()
        if "/accounts/logout/" in page.url:  # allauth's confirmation page, when it asks
            page.locator("main form button[type=submit]").click()
            page.wait_for_load_state()
        refused = page.request.get(download_url, max_redirects=0)
        assert refused.status == 302
        assert "/accounts/login/" in refused.headers["location"]
        followed = page.request.get(download_url)
        assert "/accounts/login/" in followed.url
        assert not followed.body().startswith(b"%PDF")
        assert followed.headers["content-type"].startswith("text/html")
    except Exception:
        from .conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"journey_2_{language}.png"), full_page=True)
        (ARTIFACTS / f"journey_2_{language}.html").write_text(page.content(), encoding="utf-8")
        raise
    finally:
        context.close()


def test_journey_3_staff_sign_in_to_the_admin_edit_a_project_publish_it_and_see_it_public(page, demo_site):
    """ADMIN_MFA_REQUIRED is False in the test settings, so no second factor here (see docs/browser.md)."""
    from wagtail.models import Locale

    from workinggroups.models import ProjectPage

    project = ProjectPage.objects.live().filter(locale=Locale.get_default()).first()
    public_url = demo_site + project.url

    # /admin/ sends the visitor to allauth's sign-in form and back.
    page.goto(f"{demo_site}/admin/")
    assert "/accounts/login/" in page.url
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill("admin@example.org")
    form.locator("input[name=password]").fill("coalition-admin")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{demo_site}/admin/pages/{project.pk}/edit/")
    new_title = f"{project.title} (mis à jour)"
    page.locator("#id_title").fill(new_title)
    publish = page.locator("button[name='action-publish']")
    if not publish.is_visible():
        page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle']").last.click()
    publish.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    page.goto(public_url)
    assert page.locator("h1").inner_text().strip() == new_title


@pytest.fixture(scope="module")
def untranslated_french_page(demo_site, django_db_blocker):
    """A published French page with no English version (every demo page has one): committed, so the live
    server sees it on any database; it goes with the rest of the demo content after the last demo test."""
    from wagtail.models import Locale

    from home.models import HomePage, StandardPage

    with django_db_blocker.unblock():
        french_home = HomePage.objects.get(locale=Locale.get_default())
        page = french_home.add_child(
            instance=StandardPage(title="Nous joindre", slug="nous-joindre", introduction=FRENCH_INTRODUCTION)
        )
        page.save_revision().publish()
        assert not page.get_translations().exists()
    return page


FRENCH_INTRODUCTION = "Écrivez-nous pour toute question sur les groupes de travail."


def _segment(page, source_text):
    """One segment of wagtail-localize's translation editor, found by its French source text."""
    return page.locator("li.incomplete, li.complete").filter(
        has=page.locator("> p", has_text=re.compile(rf"^{re.escape(source_text)}$"))
    )


FRENCH_DATE = re.compile(
    r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}"
)
ENGLISH_MONTH = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")


def _assert_the_editor_speaks_french(page):
    """What wagtail-localize's bundle writes in English whatever the language, which the translations app's
    script puts in the admin's language: the segments' heading, the footer menu's label, the comments' dates."""
    editor = page.locator(".js-translation-editor")
    editor.locator("h3", has_text="Traduction Français → Anglais").first.wait_for()
    assert editor.locator("h3", has_text="translation").count() == 0
    assert editor.locator("footer .w-sr-only").all_text_contents() == ["Plus d'actions"]
    comments = editor.locator("li.complete ul > li:first-child")
    comments.filter(has_text=FRENCH_DATE).first.wait_for()
    assert not any(ENGLISH_MONTH.search(text) for text in comments.all_text_contents())


def _translate_segment(page, source_text, english):
    segment = _segment(page, source_text)
    segment.get_by_role("button").click()  # "Translate"
    segment.locator("textarea").fill(english)
    segment.get_by_role("button").last.click()  # "Save" (after "Cancel")
    # Saved on the server when the editor shows who translated it.
    segment.locator(".avatar").wait_for()
    assert segment.get_attribute("class") == "complete"


def test_journey_3_staff_translate_a_french_page_in_the_translation_editor_and_publish_it_in_english(
    page, demo_site, untranslated_french_page, django_capture_on_commit_callbacks, fake_machine_translator
):
    """Translate this page → English → the editor: the title by hand (the slug follows it), the rest with the
    machine translator (a test-only marking translator here, standing in for DeepL) → publish."""
    french = untranslated_french_page
    page.goto(f"{demo_site}/admin/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill("admin@example.org")
    form.locator("input[name=password]").fill("coalition-admin")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.request.get(f"{demo_site}/en/contact-us/").status == 404

    # The page's "Actions" menu → "Translate this page" → English.
    page.goto(f"{demo_site}/admin/pages/{french.pk}/edit/")
    page.locator("#w-slim-header-buttons .w-dropdown__toggle").click()
    page.locator(f"a[href$='/localize/submit/page/{french.pk}/']").click()
    page.wait_for_url(re.compile(r"/localize/submit/page/"))
    page.locator("input[name=locales]").check()  # English: the only other language
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert page.locator("li.incomplete").count() >= 2, "the editor lists the segments still to translate"

    # By hand: the title. The slug (on the Promotion tab) is left alone: it follows the English title.
    _translate_segment(page, "Nous joindre", "Contact us")

    # The rest with the machine translator (its form posts and reloads the editor).
    with page.expect_navigation():
        page.locator("form[action$='/machine_translate/'] button[type=submit]:visible").click()
    assert _segment(page, FRENCH_INTRODUCTION).get_attribute("class") == "complete"
    _assert_the_editor_speaks_french(page)
    assert page.locator("footer form button[type=submit]").filter(
        has_text=re.compile("Publi")
    ).inner_text().strip() == ("Publier en Anglais")

    # "Publish in English". wagtail-localize publishes the revision on commit; on SQLite the live server
    # shares this test's connection, whose transaction never commits, so the callback is run here.
    with django_capture_on_commit_callbacks(execute=True):
        with page.expect_navigation():
            page.locator("footer form button[type=submit]").filter(has_text=re.compile("Publi")).click()
    assert page.locator(".messages .success, .messages [class*=success]").count() >= 1

    english = page.request.get(f"{demo_site}/en/contact-us/")
    assert english.status == 200
    page.goto(f"{demo_site}/en/contact-us/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == "Contact us"
    # The test translator marks its output, so nobody takes it for a translation.
    assert page.get_by_text(f"[EN] {FRENCH_INTRODUCTION}").count() == 1
    # The French page now offers its English version.
    page.goto(f"{demo_site}/fr/nous-joindre/")
    assert page.locator("link[rel=alternate][hreflang=en]").get_attribute("href").endswith("/en/contact-us/")


def test_journey_3_with_the_second_factor_staff_set_up_totp_before_reaching_the_admin(page, demo_site, settings):
    """ADMIN_MFA_REQUIRED on (as in production): the admin is only reached after activating an authenticator.

    The code is computed with allauth's own TOTP helpers from the secret the page shows, as an app would.
    """
    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    settings.ADMIN_MFA_REQUIRED = True
    page.goto(f"{demo_site}/admin/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill("admin@example.org")
    form.locator("input[name=password]").fill("coalition-admin")
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/reauthenticate/" in page.url:
        # allauth asks for the password again before a security change; answer it once.
        page.locator("main form input[name=password]").fill("coalition-admin")
        page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    # Without an authenticator, the admin keeps sending staff back to the set-up page.
    page.goto(f"{demo_site}/admin/")
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))

    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
    form = page.locator("main form").filter(has=page.locator("input[name=code]"))
    form.locator("input[name=code]").fill(code)
    form.locator("button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/totp/activate/" not in url)

    page.goto(f"{demo_site}/admin/")
    assert re.search(r"/admin/$", page.url)
    assert (
        page.locator("body.wagtail-admin, [data-wagtail-admin], #wagtail").count()
        + page.locator("a[href='/admin/pages/']").count()
        >= 1
    )


@pytest.fixture(scope="module")
def second_untranslated_french_page(demo_site, django_db_blocker):
    from wagtail.models import Locale

    from home.models import HomePage, StandardPage

    with django_db_blocker.unblock():
        french_home = HomePage.objects.get(locale=Locale.get_default())
        page = french_home.add_child(
            instance=StandardPage(title="Nos partenaires", slug="nos-partenaires", introduction=PARTNERS_INTRODUCTION)
        )
        page.save_revision().publish()
    return page


PARTNERS_INTRODUCTION = "Les organisations qui travaillent avec la coalition."


def test_journey_3_an_editor_translates_and_submits_for_review_and_a_reviewer_approves(
    page, demo_site, second_untranslated_french_page, django_capture_on_commit_callbacks
):
    """An editor (no publish right) translates by hand in the French admin and submits from the editor's own
    bar; the footer's main button is not a destructive one; a reviewer approves from the dashboard."""
    french = second_untranslated_french_page
    sign_in(page, demo_site, "editor@example.org", password="coalition-editor")
    page.goto(f"{demo_site}/admin/pages/{french.pk}/edit/")
    page.locator("#w-slim-header-buttons .w-dropdown__toggle").click()
    page.locator(f"a[href$='/localize/submit/page/{french.pk}/']").click()
    page.wait_for_url(re.compile(r"/localize/submit/page/"))
    page.locator("input[name=locales]").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))

    # The footer (whose last action is the main button) offers nothing that throws the translation away;
    # the conversion is in the bar above the editor, named for what it does.
    footer = page.locator("footer form")
    footer.get_by_role("button").first.wait_for()
    assert footer.get_by_text(re.compile(r"alias|Supprimer", re.IGNORECASE)).count() == 0
    assert "Abandonner cette traduction" in page.locator("[data-translation-action=convert-to-alias]").inner_text()
    # No machine translator in these settings: the editor says so, in French.
    assert page.get_by_text("La traduction automatique n’est pas configurée").count() == 1

    _translate_segment(page, "Nos partenaires", "Our partners")
    _translate_segment(page, PARTNERS_INTRODUCTION, "The organisations that work with the coalition.")
    # Including the comments of the segments just saved (the editor redraws them from the server's answer).
    _assert_the_editor_speaks_french(page)

    page.locator("[data-translation-action=submit-for-review]").click()
    page.wait_for_url(re.compile(r"/translations/review/\d+/"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.request.get(f"{demo_site}/en/our-partners/").status == 404  # in review, not published

    page.context.clear_cookies()
    sign_in(page, demo_site, "reviewer@example.org", password="coalition-reviewer")
    page.goto(f"{demo_site}/admin/")
    approve = page.locator("[data-workflow-action-url*='/approve/']").filter(has_text=re.compile(r"^\s*Approuver\s*$"))
    # In the "Awaiting your review" panel, the row's actions sit in its dropdown.
    page.locator("tr", has=approve).locator("[data-w-dropdown-target=toggle]").first.click()
    with django_capture_on_commit_callbacks(execute=True):
        with page.expect_navigation():
            approve.first.click()
    assert page.request.get(f"{demo_site}/en/our-partners/").status == 200
