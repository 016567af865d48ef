"""The whole path of a newcomer, in each language: sign up → verify → pending → approved by an
organisation administrator → join an open group → ask to join an on-request group → accepted by a
co-chair → leave."""

import re

import pytest

from django.core import mail
from django.test import Client

from members.access import is_approved_member
from members.models import GroupMembership, MemberProfile, User
from tests.factories.members import PASSWORD, signup_form

pytestmark = pytest.mark.django_db

TEXTS = {
    "fr": {
        "verify_subject": "Confirmez votre adresse courriel",
        "pending": "Votre compte attend l'approbation",
        "approved_subject": "Votre compte de membre est approuvé",
        "accepted_subject": "Bienvenue dans Protection au Canada",
        "joined": "Vous êtes membre de Détention.",
    },
    "en": {
        "verify_subject": "Please Confirm Your Email Address",
        "pending": "Your account is waiting for approval",
        "approved_subject": "Your membership account is approved",
        "accepted_subject": "Welcome to Protection au Canada (EN)",
        "joined": "You are a member of Détention (EN).",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_newcomer_path(client, people, groups, language, django_capture_on_commit_callbacks):
    texts = TEXTS[language]
    organisation = people["organisation"]
    prefix = f"/{language}"

    signup_page = client.get(f"{prefix}/accounts/signup/")
    assert signup_page.status_code == 200
    assert organisation.name in signup_page.content.decode()

    # What waits for the commit runs, as after a real request.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{prefix}/accounts/signup/", signup_form("nouvelle@example.org", organisation, language)
        )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert (user.first_name, user.last_name, user.preferred_language) == ("Nadia", "Nouvelle", language)
    assert user.member_profile.status == MemberProfile.Status.PENDING
    assert user.member_profile.organisation == organisation
    # Not signed in before the address is verified.
    assert "_auth_user_id" not in client.session

    verification = next(message for message in mail.outbox if message.to == ["nouvelle@example.org"])
    assert texts["verify_subject"] in verification.subject
    # The organisation's administrator hears of the person only once the address is verified.
    assert not any(message.to == [people["org_admin"].email] for message in mail.outbox)

    # Signing in before verifying does not sign in.
    client.post(f"{prefix}/accounts/login/", {"login": "nouvelle@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    confirm_path = re.search(r"https?://[^/]+(/\w\w/accounts/confirm-email/[^/\s]+/)", verification.body).group(1)
    assert client.post(confirm_path).status_code == 302
    # Verified: the organisation's administrator is told someone waits for them.
    assert any(message.to == [people["org_admin"].email] for message in mail.outbox)

    response = client.post(f"{prefix}/accounts/login/", {"login": "nouvelle@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/members/"
    dashboard = client.get(f"{prefix}/members/")
    assert dashboard.status_code == 200
    assert texts["pending"] in dashboard.content.decode()
    # A members-only page explains instead of sending back to the sign-in page.
    blocked = client.post(f"{prefix}/members/groups/{groups['open'].pk}/join/")
    assert blocked.status_code == 403
    assert texts["pending"] in blocked.content.decode()

    admin_client = Client()
    admin_client.force_login(people["org_admin"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{prefix}/members/people/{user.member_profile.pk}/approve/")
    assert response.status_code == 302
    assert is_approved_member(User.objects.get(pk=user.pk))
    assert [message.subject for message in mail.outbox] == [texts["approved_subject"]]

    response = client.post(f"{prefix}/members/groups/{groups['open'].pk}/join/", follow=True)
    assert texts["joined"] in response.content.decode()
    response = client.post(f"{prefix}/members/groups/{groups['on_request'].pk}/join/")
    assert response.status_code == 302
    memberships = {m.group_id: m for m in GroupMembership.objects.filter(user=user)}
    assert memberships[groups["open"].pk].status == GroupMembership.Status.ACTIVE
    request = memberships[groups["on_request"].pk]
    assert request.status == GroupMembership.Status.PENDING

    co_chair_client = Client()
    co_chair_client.force_login(people["co_chair"])
    dashboard = co_chair_client.get(f"{prefix}/members/").content.decode()
    assert "Nadia Nouvelle" in dashboard
    mail.outbox.clear()
    assert co_chair_client.post(f"{prefix}/members/requests/{request.pk}/accept/").status_code == 302
    request.refresh_from_db()
    assert request.status == GroupMembership.Status.ACTIVE
    assert [message.subject for message in mail.outbox] == [texts["accepted_subject"]]

    roster = co_chair_client.get(f"{prefix}/members/groups/{groups['on_request'].pk}/roster/")
    assert roster.status_code == 200
    assert "Nadia Nouvelle" in roster.content.decode()

    assert client.post(f"{prefix}/members/groups/{groups['open'].pk}/leave/").status_code == 302
    assert GroupMembership.objects.get(pk=memberships[groups["open"].pk].pk).status == GroupMembership.Status.LEFT
