"""Every way to sign in goes through allauth: verification, rate limits, second factor, safe redirects."""

import pytest

from django.conf import settings
from django.core import mail
from django.test import Client, override_settings

from members.adapters import SIGNED_IN_AT_SESSION_KEY
from members.models import GroupMembership, MemberOrganisation, MemberProfile, User
from tests.factories.members import PASSWORD, UserFactory, add_membership, make_person

pytestmark = pytest.mark.django_db


def totp_for(user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    return TOTP.activate(user, generate_totp_secret())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/admin/", "/fr/accounts/login/?next=/admin/"),
        ("/admin/login/?next=/admin/pages/", "/fr/accounts/login/?next=/admin/pages/"),
        ("/fr/_util/login/?next=/fr/prive/", "/fr/accounts/login/?next=/fr/prive/"),
        ("/en/_util/login/?next=/en/private/", "/en/accounts/login/?next=/en/private/"),
        ("/django-admin/", "/fr/accounts/login/?next=%2Fdjango-admin%2F"),
    ],
)
def test_every_sign_in_door_leads_to_allauth(client, site_tree, path, expected):
    response = client.get(path, follow=True, headers={"accept-language": "fr"})
    assert response.redirect_chain[-1][0] == expected
    assert response.status_code == 200


def test_private_page_sends_to_allauth(client, site_tree):
    from wagtail.models import PageViewRestriction

    from home.models import StandardPage

    page = site_tree["fr"].add_child(instance=StandardPage(title="Privée", slug="privee"))
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/privee/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=/fr/privee/")


def test_unverified_account_is_not_signed_in(client, site_tree):
    UserFactory(email="pas.verifie@example.org", verified=False)
    response = client.post("/fr/accounts/login/", {"login": "pas.verifie@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert response["Location"] == "/fr/accounts/confirm-email/"


def test_sign_in_redirect_stays_on_this_site(client, site_tree):
    UserFactory(email="redirige@example.org")
    response = client.post(
        "/fr/accounts/login/?next=https://evil.example/", {"login": "redirige@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/members/"


def test_sign_out_is_post_only(client, site_tree):
    user = UserFactory()
    client.force_login(user)
    client.get("/fr/accounts/logout/")
    assert "_auth_user_id" in client.session
    client.post("/fr/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_signup_with_a_known_email_does_not_reveal_it(client, site_tree):
    UserFactory(email="deja@example.org", preferred_language="en")
    data = {
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "D",
        "last_name": "J",
        "preferred_language": "fr",
        "organisation_not_listed": "Un organisme",
    }
    known = client.post("/fr/accounts/signup/", {**data, "email": "deja@example.org"})
    unknown = Client().post("/fr/accounts/signup/", {**data, "email": "nouveau@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert User.objects.filter(email="deja@example.org").count() == 1
    # The owner of the address is told, in their own language.
    warning = next(message for message in mail.outbox if message.to == ["deja@example.org"])
    assert "Account Already Exists" in warning.subject


def test_password_reset_email_in_the_persons_language(client, site_tree):
    UserFactory(email="english@example.org", preferred_language="en")
    client.post("/fr/accounts/password/reset/", {"email": "english@example.org"})
    assert mail.outbox[-1].subject == "Password Reset Email"
    UserFactory(email="francais@example.org", preferred_language="fr")
    Client().post("/en/accounts/password/reset/", {"email": "francais@example.org"})
    assert mail.outbox[-1].subject == "Courriel de réinitialisation de mot de passe"


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "2/m/ip"})
def test_failed_sign_ins_are_rate_limited(client, site_tree):
    UserFactory(email="limite@example.org")
    for _ in range(2):
        client.post("/fr/accounts/login/", {"login": "limite@example.org", "password": "wrong"})
    response = client.post("/fr/accounts/login/", {"login": "limite@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 429


@override_settings(ADMIN_MFA_REQUIRED=True)
def test_admin_users_must_set_up_a_second_factor(client, site_tree):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"
    # The set-up page itself is reachable (no loop).
    assert client.get("/django-admin/").status_code == 302
    totp_for(staff)
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_MFA_REQUIRED=True)
def test_members_without_admin_access_are_not_sent_to_mfa(client, site_tree):
    client.force_login(make_person())
    assert client.get("/fr/members/").status_code == 200


def test_sign_in_with_a_second_factor_asks_for_the_code(client, site_tree):
    user = UserFactory(email="deux@example.org")
    totp_for(user)
    response = client.post("/fr/accounts/login/", {"login": "deux@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("steps", "accepted"), [(0, True), (-1, True), (1, True), (-2, False)])
def test_the_second_factor_accepts_the_code_of_the_neighbouring_step(client, site_tree, steps, accepted):
    """A code typed at the end of its 30 seconds, or from a phone a little off, still works; an old one does not."""
    import time

    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

    user = UserFactory(email="deux@example.org")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.post("/fr/accounts/login/", {"login": "deux@example.org", "password": PASSWORD})
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + steps
    client.post("/fr/accounts/2fa/authenticate/", {"code": format_hotp_value(hotp_value(secret, counter))})
    assert ("_auth_user_id" in client.session) is accepted


def test_delete_my_account_keeps_the_organisation(client, people, groups):
    from allauth.account.models import EmailAddress

    user = people["org_admin"]
    organisation = people["organisation"]
    add_membership(user, groups["open"], role=GroupMembership.Role.CO_CHAIR)
    client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert client.get("/fr/members/profile/delete/").status_code == 200
    # Some time after signing in, deleting asks for the password again (allauth's reauthentication)...
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] -= settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
    session.save()
    response = client.post("/fr/members/profile/delete/", {})
    assert response["Location"].startswith("/fr/accounts/reauthenticate/")
    # ...then allauth replays the form, which lacks the confirmation: nothing is deleted.
    assert client.post(response["Location"], {"password": PASSWORD}).status_code == 400
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/fr/members/profile/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert not MemberProfile.objects.filter(user_id=user.pk).exists()
    assert not GroupMembership.objects.filter(user_id=user.pk).exists()
    assert MemberOrganisation.objects.filter(pk=organisation.pk).exists()
    assert "_auth_user_id" not in client.session
