"""Journey 2 (the parts without the resource library): a newcomer signs up, verifies the address from
the email, waits for approval, is approved by their organisation's administrator, joins an open group.

Everything is done in the browser; only the email is read from the test outbox (the live server runs in
this process, with the locmem mail backend).
"""

import re
import time

import pytest

from django.core import mail

from .conftest import sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-newcomer-passphrase-42"
ORGANISATION = "Toronto Refugee Settlement Network"  # James Chen administers it (docs/members.md)


def _submit(form):
    form.locator("button[type=submit]").last.click()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_journey_2_newcomer_signs_up_is_approved_and_joins_an_open_group(browser, demo_site, language):
    email = f"nadia.{language}@example.net"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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
