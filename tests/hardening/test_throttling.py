"""Throttling: repeated sign-ins, sign-ups and password resets get a 429; verification emails are not sent again.

The test settings switch the limits off for the rest of the suite; here they are the site's
own (``config.settings.base.ACCOUNT_RATE_LIMITS``), counted in a cache emptied before each
test (``tests/conftest.py``). Every sign-in door (Wagtail's admin, Django's admin, private
pages) leads to allauth's sign-in, so these limits hold there too.
"""

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.test import Client

from config.settings import base
from tests.factories.members import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

MESSAGES = {
    "fr": {
        "failed": "Trop de tentatives de connexion échouées",
        "page": "Trop de tentatives",
        "wait": "veuillez patienter quelques minutes",
        "check_email": "Vérifiez votre adresse courriel",
    },
    "en": {
        "failed": "Too many failed login attempts",
        "page": "Too many attempts",
        "wait": "please wait a few minutes",
        "check_email": "Verify Your Email Address",
    },
}


@pytest.fixture(autouse=True)
def site_limits(settings, site_tree):
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    return base.ACCOUNT_RATE_LIMITS


def signed_in(client):
    return "_auth_user_id" in client.session


def assert_limit_page(response, language):
    """The friendly 429 page, in the site's look and the visitor's language."""
    assert response.status_code == 429
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert MESSAGES[language]["page"] in html
    assert MESSAGES[language]["wait"] in html
    assert 'role="alert"' in html
    assert 'class="site-header"' in html  # extends the site's base template
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_limits_are_explicit():
    limits = base.ACCOUNT_RATE_LIMITS
    for action in ("login", "login_failed", "signup", "reset_password", "confirm_email", "manage_email"):
        assert limits[action], action
    assert "5/5m/key" in limits["login_failed"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_failed_sign_ins_on_one_account_are_throttled(client, language):
    UserFactory(email="cible@example.org")
    url = f"/{language}/accounts/login/"
    for _attempt in range(5):
        response = client.post(url, {"login": "cible@example.org", "password": "not-the-password"})
        assert response.status_code == 200
    # Sixth attempt, even with the right password: refused, with the form and the message.
    response = client.post(url, {"login": "cible@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert MESSAGES[language]["failed"] in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()
    assert not signed_in(client)
    # Another account signs in from the same address.
    UserFactory(email="voisine@example.org")
    response = client.post(url, {"login": "voisine@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in(client)


def test_failed_sign_ins_from_one_address_are_throttled():
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(10):
        response = attacker.post("/fr/accounts/login/", {"login": f"guess{number}@example.org", "password": "x"})
        assert response.status_code == 200
    response = attacker.post("/fr/accounts/login/", {"login": "guess10@example.org", "password": "x"})
    assert response.status_code == 429
    assert MESSAGES["fr"]["failed"] in response.content.decode()
    # A member elsewhere is not affected.
    UserFactory(email="ailleurs@example.org")
    member = Client(REMOTE_ADDR="198.51.100.7")
    response = member.post("/fr/accounts/login/", {"login": "ailleurs@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in(member)


def test_the_admin_sign_in_is_allauths_and_is_throttled(client):
    staff = UserFactory(email="equipe@example.org", is_staff=True, is_superuser=True)
    # Wagtail's own sign-in form does not take credentials: it sends to allauth.
    response = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")
    assert not signed_in(client)
    door = client.get("/admin/", follow=True, headers={"accept-language": "en"}).redirect_chain[-1][0]
    assert door == "/en/accounts/login/?next=/admin/"
    for _attempt in range(5):
        assert client.post(door, {"login": staff.email, "password": "wrong"}).status_code == 200
    response = client.post(door, {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 429
    assert MESSAGES["en"]["failed"] in response.content.decode()
    assert not signed_in(client)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sign_ups_from_one_address_are_throttled(client, language):
    url = f"/{language}/accounts/signup/"
    for _attempt in range(20):
        assert client.post(url, {"email": "not-an-address"}).status_code == 400
    assert_limit_page(client.post(url, {"email": "not-an-address"}), language)
    # Reading the form is never limited; another address may still sign up.
    assert client.get(url).status_code == 200
    assert Client(REMOTE_ADDR="198.51.100.8").post(url, {"email": "x"}).status_code == 400


@pytest.mark.parametrize("language", ["fr", "en"])
def test_password_reset_requests_are_throttled_per_address(client, language):
    UserFactory(email="oubli@example.org")
    url = f"/{language}/accounts/password/reset/"
    for _attempt in range(3):
        assert client.post(url, {"email": "oubli@example.org"}).status_code == 302
    sent = len(mail.outbox)
    assert_limit_page(client.post(url, {"email": "oubli@example.org"}), language)
    assert len(mail.outbox) == sent
    # Someone else's request from the same network still goes through.
    UserFactory(email="autre@example.org")
    assert client.post(url, {"email": "autre@example.org"}).status_code == 302
    assert mail.outbox[-1].to == ["autre@example.org"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_signing_in_unverified_again_too_soon_sends_nothing_more_and_says_check_your_email(client, language):
    UserFactory(email="nouvelle@example.org", verified=False)
    url = f"/{language}/accounts/login/"
    credentials = {"login": "nouvelle@example.org", "password": PASSWORD}
    # Signing in unverified sends the link (again).
    response = client.post(url, credentials)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"
    assert [message.to for message in mail.outbox] == [["nouvelle@example.org"]]
    # Right away again: the usual "check your email" page, never a 429, and no second email.
    for _attempt in range(3):
        response = client.post(url, credentials, follow=True)
        assert response.redirect_chain == [(f"/{language}/accounts/confirm-email/", 302)]
        assert response.status_code == 200
        assert MESSAGES[language]["check_email"] in response.content.decode()
    assert len(mail.outbox) == 1
    assert not signed_in(client)


def test_verification_email_resend_on_the_email_page_is_throttled(client):
    user = UserFactory(email="membre@example.org")
    EmailAddress.objects.create(user=user, email="nouvelle.adresse@example.org", verified=False, primary=False)
    client.force_login(user)
    data = {"action_send": "", "email": "nouvelle.adresse@example.org"}
    assert client.post("/en/accounts/email/", data).status_code == 302
    assert mail.outbox[-1].to == ["nouvelle.adresse@example.org"]
    # Too soon: the email page again, saying the link already sent is still valid; nothing sent.
    response = client.post("/en/accounts/email/", data, follow=True)
    assert response.redirect_chain == [("/en/accounts/email/", 302)]
    assert "a few minutes ago and is still valid" in response.content.decode()
    assert len(mail.outbox) == 1


@pytest.fixture
def cache_unreachable(settings):
    """The production cache backend pointed at a port where nothing listens (refused at once)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.caching.backends.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_with_the_cache_down_limits_are_skipped_not_enforced(cache_unreachable, client, language, caplog):
    """Fail open: an outage of the cache must not lock everybody out of their account."""
    UserFactory(email="pendant.panne@example.org")
    reset_url = f"/{language}/accounts/password/reset/"
    # More resets than the limit allows (3 per address): all sent, since nothing is counted.
    for _attempt in range(4):
        assert client.post(reset_url, {"email": "pendant.panne@example.org"}).status_code == 302
    assert [message.to for message in mail.outbox] == [["pendant.panne@example.org"]] * 4
    # Sign-up is reached too: the form answers (400 for a bad address), not the limit (429).
    assert client.post(f"/{language}/accounts/signup/", {"email": "not-an-address"}).status_code == 400
    response = client.post(f"/{language}/accounts/login/", {"login": "pendant.panne@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in(client)
    assert "Cache unavailable" in caplog.text
