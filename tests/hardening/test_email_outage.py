"""Email outage: when the mail server is down, sign-up and approval still save, the person is told
in their language, and the email can be asked for (or sent) again once the server is back.

The outage is a mail backend that raises what Django's SMTP backend raises when the server
refuses the connection or hangs up.
"""

import re
import smtplib

import pytest
from allauth.account.models import EmailAddress

from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client

from config.settings import base
from members.access import is_approved_member
from members.models import MemberProfile, User
from tests.factories.members import PASSWORD, OrganisationFactory, UserFactory, make_person, signup_form

pytestmark = pytest.mark.django_db

WORKING = "django.core.mail.backends.locmem.EmailBackend"

TEXTS = {
    "fr": {
        "not_sent": "Nous n'avons pas pu envoyer le courriel",
        "sign_in_again": "connectez-vous avec votre adresse courriel et votre mot de passe",
        "decision_not_sent": "La décision est enregistrée, mais le courriel",
        "resend_button": "Envoyer le courriel de nouveau",
        "approved_subject": "Votre compte de membre est approuvé",
    },
    "en": {
        "not_sent": "We could not send the email",
        "sign_in_again": "sign in with your email address and password",
        "decision_not_sent": "The decision is saved, but the email",
        "resend_button": "Send the email again",
        "approved_subject": "Your membership account is approved",
    },
}


class ConnectionRefusedBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class HangingUpBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(params=[ConnectionRefusedBackend, HangingUpBackend], ids=["refused", "hung-up"])
def mail_down(request, settings):
    settings.EMAIL_BACKEND = f"{__name__}.{request.param.__name__}"
    return settings


@pytest.fixture
def refused_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.ConnectionRefusedBackend"
    return settings


@pytest.fixture
def organisation(site_tree):
    organisation = OrganisationFactory(name="Organisme de l'Estrie")
    organisation.administrators.add(make_person(organisation=organisation, email="admin.estrie@example.org"))
    return organisation


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sign_up_is_saved_and_the_link_can_be_asked_for_again(client, mail_down, organisation, language):
    mail_down.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS  # the re-send limit is in force
    response = client.post(
        f"/{language}/accounts/signup/", signup_form("nadia@example.org", organisation, language), follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/{language}/accounts/confirm-email/"
    page = response.content.decode().replace("&#x27;", "'")
    assert TEXTS[language]["not_sent"] in page
    assert TEXTS[language]["sign_in_again"] in page
    # Saved: the account, its (unverified) address and the profile waiting for approval.
    user = User.objects.get(email="nadia@example.org")
    assert EmailAddress.objects.filter(user=user, verified=False).exists()
    assert user.member_profile.status == MemberProfile.Status.PENDING
    assert user.member_profile.organisation == organisation
    assert not mail.outbox

    # The mail server is back: signing in asks for the link again, at once (the failed
    # email did not count against the re-send limit).
    mail_down.EMAIL_BACKEND = WORKING
    response = client.post(f"/{language}/accounts/login/", {"login": "nadia@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"
    verification = mail.outbox[-1]
    assert verification.to == ["nadia@example.org"]
    confirm_path = re.search(r"https?://[^/]+(/\w\w/accounts/confirm-email/[^/\s]+/)", verification.body).group(1)
    assert client.post(confirm_path).status_code == 302
    assert EmailAddress.objects.filter(user=user, verified=True).exists()


def test_sign_up_with_a_known_address_looks_the_same_during_an_outage(mail_down, organisation):
    UserFactory(email="deja@example.org")
    known = Client().post("/fr/accounts/signup/", signup_form("deja@example.org", organisation), follow=True)
    unknown = Client().post("/fr/accounts/signup/", signup_form("neuf@example.org", organisation), follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    for response in (known, unknown):
        assert response.status_code == 200
        assert TEXTS["fr"]["sign_in_again"] in response.content.decode().replace("&#x27;", "'")


# Committed for real: the email goes out after the approval's transaction commits, and the
# reviewer's message depends on it (pytest-django's test transaction would hold it back).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_approval_is_saved_and_its_email_sent_again(client, refused_mail, organisation, language):
    mail_down = refused_mail
    person = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, preferred_language=language)
    profile = person.member_profile
    client.force_login(organisation.administrators.get())

    response = client.post(f"/{language}/members/people/{profile.pk}/approve/")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == MemberProfile.Status.APPROVED
    assert profile.decision_email_pending
    assert is_approved_member(User.objects.get(pk=person.pk))
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(TEXTS[language]["decision_not_sent"] in message for message in warnings)

    dashboard = client.get(f"/{language}/members/").content.decode()
    assert TEXTS[language]["resend_button"] in dashboard
    resend = f"/{language}/members/people/{profile.pk}/resend-decision/"
    # Still down: nothing lost, still waiting.
    assert client.post(resend).status_code == 302
    profile.refresh_from_db()
    assert profile.decision_email_pending

    mail_down.EMAIL_BACKEND = WORKING
    assert client.post(resend).status_code == 302
    assert [message.subject for message in mail.outbox] == [TEXTS[language]["approved_subject"]]
    assert mail.outbox[0].to == [person.email]
    profile.refresh_from_db()
    assert not profile.decision_email_pending
    assert TEXTS[language]["resend_button"] not in client.get(f"/{language}/members/").content.decode()
    # Sent once: a second click finds nothing waiting.
    assert client.post(resend).status_code == 409


def test_only_a_reviewer_sends_a_decision_email_again(client, mail_down, organisation):
    profile = make_person(organisation=organisation).member_profile
    MemberProfile.objects.filter(pk=profile.pk).update(decision_email_pending=True)
    client.force_login(make_person(organisation=OrganisationFactory(name="Ailleurs")))
    assert client.post(f"/fr/members/people/{profile.pk}/resend-decision/").status_code == 403
    assert client.get(f"/fr/members/people/{profile.pk}/resend-decision/").status_code == 405


def test_rejection_is_saved_and_the_command_sends_what_waits(
    client, mail_down, organisation, django_capture_on_commit_callbacks
):
    profile = make_person(status=MemberProfile.Status.PENDING, organisation=organisation).member_profile
    client.force_login(organisation.administrators.get())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/members/people/{profile.pk}/reject/", {"reason": "Pas membre."})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.status, profile.rejection_reason) == (MemberProfile.Status.REJECTED, "Pas membre.")
    assert profile.decision_email_pending

    # Cron retries: still down → non-zero, nothing lost.
    with pytest.raises(SystemExit):
        call_command("send_pending_decision_emails")
    mail_down.EMAIL_BACKEND = WORKING
    call_command("send_pending_decision_emails")
    assert [message.to for message in mail.outbox] == [[profile.user.email]]
    profile.refresh_from_db()
    assert not profile.decision_email_pending


@pytest.mark.parametrize("language", ["fr", "en"])
def test_password_reset_during_an_outage_says_so(client, mail_down, site_tree, language):
    UserFactory(email="oubli@example.org")
    response = client.post(f"/{language}/accounts/password/reset/", {"email": "oubli@example.org"}, follow=True)
    assert response.status_code == 200
    assert TEXTS[language]["not_sent"] in response.content.decode().replace("&#x27;", "'")


def test_approval_in_the_wagtail_admin_is_saved_during_an_outage(
    client, mail_down, organisation, django_capture_on_commit_callbacks
):
    staff = UserFactory(is_staff=True, is_superuser=True)
    profile = make_person(status=MemberProfile.Status.PENDING, organisation=organisation).member_profile
    client.force_login(staff)
    data = {
        "organisation": organisation.pk,
        "organisation_not_listed": "",
        "status": "approved",
        "rejection_reason": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/members/people/edit/{profile.pk}/", data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.status, profile.reviewed_by, profile.decision_email_pending) == (
        MemberProfile.Status.APPROVED,
        staff,
        True,
    )
    # Staff find it on their dashboard, with the button to send it again.
    assert TEXTS["fr"]["resend_button"] in client.get("/fr/members/").content.decode()
