"""Every members-area URL and action, for every kind of visitor.

Each cell runs inside a savepoint that is rolled back, so an action that succeeds for one
visitor does not change what the next one meets.
"""

import pytest

from django.db import transaction
from django.test import Client

from members.models import GroupMembership, MemberProfile
from tests.factories.members import add_membership

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "unverified",
    "pending",
    "approved",
    "other_co_chair",
    "other_org_admin",
    "co_chair",
    "org_admin",
    "staff",
]

LOGIN = "login"
OK = 200
DONE = 302  # the action succeeded and redirected
DENIED = 403

# endpoint → expected answer per persona (anything not listed: DENIED).
MATRIX = {
    "dashboard": {"anonymous": LOGIN, **{p: OK for p in PERSONAS if p != "anonymous"}},
    "profile": {"anonymous": LOGIN, **{p: OK for p in PERSONAS if p != "anonymous"}},
    "delete_account": {"anonymous": LOGIN, **{p: OK for p in PERSONAS if p != "anonymous"}},
    "join": {
        "anonymous": LOGIN,
        **{p: DONE for p in ["approved", "other_co_chair", "other_org_admin", "co_chair", "org_admin"]},
    },
    # "approved" asked to join the group (withdraws); the co-chair leaves; the others are not in it: 409.
    "leave": {"anonymous": LOGIN, "approved": DONE, "co_chair": DONE},
    "roster": {"anonymous": LOGIN, "co_chair": OK, "staff": OK},
    "roster_csv": {"anonymous": LOGIN, "co_chair": OK, "staff": OK},
    "accept": {"anonymous": LOGIN, "co_chair": DONE, "staff": DONE},
    "decline": {"anonymous": LOGIN, "co_chair": DONE, "staff": DONE},
    "approve": {"anonymous": LOGIN, "org_admin": DONE, "staff": DONE},
    "reject_form": {"anonymous": LOGIN, "org_admin": OK, "staff": OK},
    "reject": {"anonymous": LOGIN, "org_admin": DONE, "staff": DONE},
    "resend_decision": {"anonymous": LOGIN, "org_admin": DONE, "staff": DONE},
}

# Answers that are neither success nor DENIED, for a visitor with the right but nothing to act on.
SPECIAL = {("leave", p): 409 for p in ["other_co_chair", "other_org_admin", "org_admin"]}


class Rollback(Exception):
    pass


@pytest.fixture
def targets(people, groups):
    """What the actions act on: a pending request to the on-request group, a pending person of organisation A."""
    requester = people["approved"]
    request = add_membership(requester, groups["on_request"], status=GroupMembership.Status.PENDING)
    # An approval whose email the mail server refused (tests/hardening/test_email_outage.py).
    MemberProfile.objects.filter(user=requester).update(decision_email_pending=True)
    return {
        "group": groups["on_request"],
        "open_group": groups["open"],
        "request": request,
        "profile": people["pending"].member_profile,
        "decided": requester.member_profile,
    }


def call(client, endpoint, targets):
    group, request, profile = targets["group"], targets["request"], targets["profile"]
    paths = {
        "dashboard": ("get", "/fr/members/"),
        "profile": ("get", "/fr/members/profile/"),
        "delete_account": ("get", "/fr/members/profile/delete/"),
        "join": ("post", f"/fr/members/groups/{targets['open_group'].pk}/join/"),
        "leave": ("post", f"/fr/members/groups/{group.pk}/leave/"),
        "roster": ("get", f"/fr/members/groups/{group.pk}/roster/"),
        "roster_csv": ("get", f"/fr/members/groups/{group.pk}/roster.csv"),
        "accept": ("post", f"/fr/members/requests/{request.pk}/accept/"),
        "decline": ("post", f"/fr/members/requests/{request.pk}/decline/"),
        "approve": ("post", f"/fr/members/people/{profile.pk}/approve/"),
        "reject_form": ("get", f"/fr/members/people/{profile.pk}/reject/"),
        "reject": ("post", f"/fr/members/people/{profile.pk}/reject/"),
        "resend_decision": ("post", f"/fr/members/people/{targets['decided'].pk}/resend-decision/"),
    }
    method, path = paths[endpoint]
    data = {"reason": "Inconnu"} if endpoint == "reject" else {}
    return getattr(client, method)(path, data), path


def state(targets):
    request = GroupMembership.objects.get(pk=targets["request"].pk)
    profile = MemberProfile.objects.get(pk=targets["profile"].pk)
    return request.status, profile.status, GroupMembership.objects.count()


@pytest.mark.parametrize("endpoint", list(MATRIX))
def test_permission_matrix(people, targets, endpoint):
    before = state(targets)
    for persona in PERSONAS:
        expected = MATRIX[endpoint].get(persona, SPECIAL.get((endpoint, persona), DENIED))
        client = Client()
        if persona != "anonymous":
            client.force_login(people[persona])
        try:
            with transaction.atomic():
                response, path = call(client, endpoint, targets)
                if expected == LOGIN:
                    assert response.status_code == 302, persona
                    assert response["Location"].startswith("/fr/accounts/login/?next="), persona
                else:
                    assert response.status_code == expected, (persona, response.status_code)
                if expected not in (OK, DONE):
                    # Refused: nothing changed.
                    assert state(targets) == before, persona
                raise Rollback
        except Rollback:
            pass
    assert state(targets) == before


def test_staff_without_rights_is_not_members_staff(people, targets):
    """is_staff alone (Wagtail editor) gives no roster: the members permissions do."""
    from tests.factories.members import UserFactory

    editor = UserFactory(is_staff=True)
    client = Client()
    client.force_login(editor)
    response, _ = call(client, "roster", targets)
    assert response.status_code == 403
