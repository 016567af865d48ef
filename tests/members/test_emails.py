"""Every email the site sends, in both languages: a text and an HTML part, the coalition's name,
Canadian French, and links on the site's public address that lead somewhere.

allauth's emails are triggered as a person triggers them (sign-up, sign-in before verifying,
password reset, ...); its notifications (password changed, address changed, second factor, ...)
through its adapter, as its flows call it. The site's own through members.services.
"""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context

from django.core import mail
from django.test import Client, RequestFactory
from django.utils import translation

from home.models import SiteFooter
from members import services
from members.models import GroupMembership, MemberProfile
from tests.factories.members import PASSWORD, OrganisationFactory, UserFactory, add_membership, make_person

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]
# Another host than the test client's ("testserver"): links come from the setting, not the request.
PUBLIC_ADDRESS = "https://membres.coalition.example"
URL = re.compile(r"""https?://[^\s"'<>]+""")


def coalition_name(language):
    with translation.override(language):
        return SiteFooter.coalition_name()


def html_part(message):
    htmls = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(htmls) == 1, message.subject
    return htmls[0]


def links(message):
    """Every absolute address in the email, text and HTML parts alike."""
    return set(URL.findall(message.body)) | set(URL.findall(html_part(message)))


def assert_well_formed(message, language):
    """Both parts, in the recipient's language and the coalition's register; links on the public address."""
    assert message.body.strip(), message.subject
    html = html_part(message)
    assert f'<html lang="{language}">' in html
    assert coalition_name(language) in html
    assert "testserver" not in message.subject + message.body + html  # the host the request came in on
    if language == "fr":
        for text in (message.subject, message.body, html):
            assert not re.search(r"e-mail", text, re.IGNORECASE), text
    for url in links(message):
        assert url.startswith(PUBLIC_ADDRESS + "/"), url
        assert "127.0.0.1" not in url and "localhost" not in url, url


def follow(url, user=None):
    """Open a link of an email as its recipient would (signed in when the page is theirs)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    parts = urlsplit(url)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""), follow=True)


def assert_links_open(message, user=None):
    opened = links(message)
    for url in opened:
        response = follow(url, user)
        assert response.status_code == 200, (url, response.redirect_chain)
    return opened


def only_email_to(address):
    sent = [message for message in mail.outbox if message.to == [address]]
    assert len(sent) == 1, [message.subject for message in sent]
    return sent[0]


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = PUBLIC_ADDRESS


@pytest.fixture
def organisation(site_tree):
    return OrganisationFactory(name="Organisme de l'Outaouais")


# --- allauth's emails, triggered the way people trigger them -----------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_verification_email_at_sign_up(client, organisation, language):
    client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "inscription@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "Inès",
            "last_name": "Inscrite",
            "preferred_language": language,
            "organisation": organisation.pk,
        },
    )
    message = only_email_to("inscription@example.org")
    assert_well_formed(message, language)
    assert coalition_name(language) in message.body  # greeted by the coalition, not by a host:port
    (confirm_link,) = [url for url in links(message) if "/accounts/confirm-email/" in url]
    assert urlsplit(confirm_link).path.startswith(f"/{language}/accounts/confirm-email/")
    assert_links_open(message)
    # The link works: the address is verified.
    assert Client().post(urlsplit(confirm_link).path).status_code == 302
    assert EmailAddress.objects.filter(email="inscription@example.org", verified=True).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_verification_email_when_signing_in_unverified(client, site_tree, language):
    UserFactory(email="pas.verifiee@example.org", verified=False, preferred_language=language)
    client.post("/fr/accounts/login/", {"login": "pas.verifiee@example.org", "password": PASSWORD})
    message = only_email_to("pas.verifiee@example.org")
    assert_well_formed(message, language)
    assert any("/accounts/confirm-email/" in url for url in assert_links_open(message))


@pytest.mark.parametrize("language", LANGUAGES)
def test_password_reset_email_and_the_notice_after_it(client, site_tree, language):
    UserFactory(email="oubli@example.org", preferred_language=language)
    client.post(f"/{language}/accounts/password/reset/", {"email": "oubli@example.org"})
    message = only_email_to("oubli@example.org")
    assert_well_formed(message, language)
    (reset_link,) = [url for url in assert_links_open(message) if "/accounts/password/reset/key/" in url]
    # The link leads to the new-password form; setting it sends the "password reset" notice.
    form = Client()
    response = form.get(urlsplit(reset_link).path, follow=True)
    assert response.status_code == 200
    mail.outbox.clear()
    new_password = "Un-nouveau-mot-de-passe-42"
    form.post(response.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    notice = only_email_to("oubli@example.org")
    assert_well_formed(notice, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_password_reset_for_an_unknown_address(client, site_tree, language):
    client.post(f"/{language}/accounts/password/reset/", {"email": "inconnue@example.org"})
    message = only_email_to("inconnue@example.org")
    assert_well_formed(message, language)
    assert any("/accounts/signup/" in url for url in assert_links_open(message))


@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_up_with_an_address_that_has_an_account(client, organisation, language):
    UserFactory(email="deja@example.org", preferred_language=language)
    client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "deja@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "D",
            "last_name": "J",
            "preferred_language": language,
            "organisation": organisation.pk,
        },
    )
    message = only_email_to("deja@example.org")
    assert_well_formed(message, language)
    assert any("/accounts/password/reset/" in url for url in assert_links_open(message))


NOTIFICATIONS = {
    "account/email/password_changed": {},
    "account/email/password_set": {},
    "account/email/email_changed": {"from_email": "ancienne@example.org", "to_email": "nouvelle@example.org"},
    "account/email/email_deleted": {"deleted_email": "ancienne@example.org"},
    "mfa/email/totp_activated": {},
    "mfa/email/totp_deactivated": {},
    "mfa/email/recovery_codes_generated": {},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template_prefix", NOTIFICATIONS)
def test_account_notifications(site_tree, template_prefix, language):
    user = UserFactory(email="avisee@example.org", preferred_language=language)
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Firefox")
    with allauth_context.request_context(request):
        get_adapter(request).send_notification_mail(template_prefix, user, NOTIFICATIONS[template_prefix])
    message = only_email_to("avisee@example.org")
    assert_well_formed(message, language)
    assert_links_open(message)


# --- the site's own emails ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_approval_and_refusal(organisation, django_capture_on_commit_callbacks, language):
    staff = UserFactory(is_staff=True, is_superuser=True)
    approved = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, preferred_language=language)
    refused = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, preferred_language=language)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(approved.member_profile, by=staff)
        services.reject(refused.member_profile, by=staff, reason="Organisme inconnu")
    approval = only_email_to(approved.email)
    assert_well_formed(approval, language)
    assert any(f"/{language}/members/" in url for url in assert_links_open(approval, approved))
    refusal = only_email_to(refused.email)
    assert_well_formed(refusal, language)
    assert_links_open(refusal, refused)


@pytest.mark.parametrize("language", LANGUAGES)
def test_organisation_administrator_hears_of_a_person_once_verified(organisation, language):
    administrator = make_person(organisation=organisation, preferred_language=language)
    organisation.administrators.add(administrator)
    person = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, verified=False)
    # Signing in unverified sends the link; nobody else hears of the person yet.
    Client().post("/fr/accounts/login/", {"login": person.email, "password": PASSWORD})
    verification = only_email_to(person.email)
    assert not any(message.to == [administrator.email] for message in mail.outbox)
    (confirm_link,) = [url for url in links(verification) if "/accounts/confirm-email/" in url]
    assert Client().post(urlsplit(confirm_link).path).status_code == 302
    message = only_email_to(administrator.email)
    assert person.email in message.body
    assert_well_formed(message, language)
    assert any(f"/{language}/members/" in url for url in assert_links_open(message, administrator))


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_hear_of_an_organisation_not_listed(site_tree, language):
    staff = UserFactory(is_staff=True, is_superuser=True, preferred_language=language)
    person = UserFactory()
    services.notify_reviewers(services.create_profile(person, organisation_not_listed="Maison d'accueil"))
    message = only_email_to(staff.email)
    assert_well_formed(message, language)
    assert any("/admin/" in url for url in assert_links_open(message, staff))


@pytest.mark.parametrize("language", LANGUAGES)
def test_co_chairs_hear_of_a_request_and_the_person_of_the_decision(groups, language):
    co_chair = make_person(preferred_language=language)
    add_membership(co_chair, groups["on_request"], role=GroupMembership.Role.CO_CHAIR)
    accepted, declined = make_person(preferred_language=language), make_person(preferred_language=language)

    membership = services.join(accepted, groups["on_request"])
    request_email = only_email_to(co_chair.email)
    assert_well_formed(request_email, language)
    assert_links_open(request_email, co_chair)

    services.decide(membership, co_chair, accept=True)
    services.decide(services.join(declined, groups["on_request"]), co_chair, accept=False)
    for person in (accepted, declined):
        decision = only_email_to(person.email)
        assert_well_formed(decision, language)
        assert_links_open(decision, person)


def test_without_a_public_address_links_follow_the_request_and_the_name_stays_the_coalitions(site_tree, settings):
    """Development (no SITE_URL): the address the site was opened at, never a fixed 127.0.0.1:8000."""
    settings.SITE_URL = ""
    UserFactory(email="dev@example.org", verified=False, preferred_language="en")
    Client(HTTP_HOST="coalition.local:8765").post(
        "/en/accounts/login/", {"login": "dev@example.org", "password": PASSWORD}
    )
    message = only_email_to("dev@example.org")
    assert any(url.startswith("http://coalition.local:8765/en/accounts/confirm-email/") for url in links(message))
    assert f"Hello from {coalition_name('en')}!" in message.body
