"""A member of staff's first sign-in: a verified address, no password asked again right away,
the second factor explained, the recovery codes, then back to the admin page asked for; every
account page in the site's look."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.test import Client

from members.adapters import SIGNED_IN_AT_SESSION_KEY
from tests.factories.members import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REASON = {
    "en": "it is required for staff",
    "fr": "elle est obligatoire pour le personnel",
}
CONTINUE = {"en": "Continue to the administration", "fr": "Continuer vers l'administration"}
REAUTHENTICATE = {"en": "/en/accounts/reauthenticate/", "fr": "/fr/accounts/reauthenticate/"}


def authenticator_code(secret):
    """The current code of an authenticator app (RFC 6238, 30-second steps, 6 digits)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def test_demo_staff_accounts_have_verified_addresses(demo_content):
    staff = [user for user in get_user_model().objects.all() if user.is_staff or user.groups.exists()]
    assert len(staff) >= 2
    for user in staff:
        assert EmailAddress.objects.filter(user=user, email=user.email, verified=True).exists(), user.email


@pytest.mark.parametrize("language", ["fr", "en"])
def test_first_sign_in_of_staff_leads_to_the_admin_through_the_second_factor(site_tree, settings, language):
    settings.ADMIN_MFA_REQUIRED = True
    staff = UserFactory(email="equipe@example.org", is_staff=True, is_superuser=True, preferred_language=language)
    client = Client()
    response = client.post(
        f"/{language}/accounts/login/?next=/admin/pages/",
        {"login": staff.email, "password": PASSWORD},
        follow=True,
    )
    # Straight to the set-up page, in the person's language: no password asked again.
    assert [url for url, _status in response.redirect_chain] == [
        "/admin/pages/",
        f"/{language}/accounts/2fa/totp/activate/",
    ]
    page = response.content.decode()
    assert 'class="site-header"' in page
    # Why it appears, said once.
    assert page.count(REASON[language]) == 1

    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page).group(1)
    response = client.post(
        f"/{language}/accounts/2fa/totp/activate/", {"code": authenticator_code(secret)}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/{language}/accounts/2fa/recovery-codes/"
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert CONTINUE[language] in page
    # Its links are drawn as the site's buttons (download, new codes, continue).
    assert page.count('class="button"') >= 3
    # The way on goes to the admin page the person asked for, which now opens.
    assert 'href="/admin/pages/"' in page
    assert client.get("/admin/pages/").status_code == 200

    # The next sign-in asks for the code, on a page in the site's look too.
    response = Client().post(f"/{language}/accounts/login/", {"login": staff.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == f"/{language}/accounts/2fa/authenticate/"
    assert 'class="site-header"' in response.content.decode()


def test_the_password_is_asked_again_for_sensitive_actions_later(site_tree, settings):
    staff = UserFactory(email="plus.tard@example.org", is_staff=True, is_superuser=True, preferred_language="en")
    client = Client()
    client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert client.get("/en/accounts/2fa/totp/activate/").status_code == 200
    # Past ACCOUNT_REAUTHENTICATION_TIMEOUT after signing in: the password is asked again.
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = time.time() - settings.ACCOUNT_REAUTHENTICATION_TIMEOUT - 1
    session.save()
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE["en"])


ACCOUNT_PAGES_SIGNED_OUT = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/password/reset/key/1-bad-key/",
    "accounts/confirm-email/",
    "accounts/confirm-email/bad-key/",
    "accounts/inactive/",
]
ACCOUNT_PAGES_SIGNED_IN = [
    "accounts/email/",
    "accounts/password/change/",
    "accounts/reauthenticate/",
    "accounts/logout/",
    "accounts/2fa/",
    "accounts/2fa/totp/activate/",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_account_page_is_in_the_sites_look(site_tree, language):
    signed_out, signed_in = Client(), Client()
    signed_in.force_login(UserFactory(email="pages@example.org", preferred_language=language))
    for client, paths in ((signed_out, ACCOUNT_PAGES_SIGNED_OUT), (signed_in, ACCOUNT_PAGES_SIGNED_IN)):
        for path in paths:
            response = client.get(f"/{language}/{path}", follow=True)
            assert response.status_code == 200, path
            page = response.content.decode()
            assert f'<html lang="{language}">' in page, path
            assert 'class="site-header"' in page, path
