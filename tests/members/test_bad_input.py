"""Bad input gets a 4xx with a message in the visitor's language, never a 500, and changes nothing."""

import pytest

from django.test import Client

from members.models import GroupMembership, MemberProfile, User
from tests.factories.members import PASSWORD, add_membership

pytestmark = pytest.mark.django_db

MESSAGES = {
    "fr": {
        "no_group": "Ce groupe de travail n&#x27;existe pas.",
        "post_only": "Cette adresse n&#x27;accepte qu&#x27;un formulaire",
        "no_request": "Cette demande n&#x27;existe pas.",
        "decided": "Cette demande a déjà été traitée.",
        "not_yours": "Seuls les coprésidences et le personnel de ce groupe décident de ses demandes.",
        "not_member": "Vous n&#x27;êtes pas membre de ce groupe de travail.",
        "reviewed": "Cette personne a déjà été examinée.",
        "no_person": "Cette personne n&#x27;existe pas.",
        "bad_organisation": "Choisissez un organisme dans la liste.",
    },
    "en": {
        "no_group": "This working group does not exist.",
        "post_only": "This address only accepts a form",
        "no_request": "This request does not exist.",
        "decided": "This request has already been decided.",
        "not_yours": "Only the co-chairs and staff of this group decide its requests.",
        "not_member": "You are not a member of this working group.",
        "reviewed": "This person has already been reviewed.",
        "no_person": "This person does not exist.",
        "bad_organisation": "Choose an organisation from the list.",
    },
}


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def snapshot():
    return (
        sorted(GroupMembership.objects.values_list("pk", "status", "role")),
        sorted(MemberProfile.objects.values_list("pk", "status")),
        User.objects.count(),
    )


def assert_refused(response, status, text):
    assert response.status_code == status
    assert text in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_input(people, groups, language):
    texts = MESSAGES[language]
    prefix = f"/{language}/members"
    approved, co_chair, other_co_chair = people["approved"], people["co_chair"], people["other_co_chair"]
    request = add_membership(approved, groups["on_request"], status=GroupMembership.Status.PENDING)
    other_groups_request = add_membership(people["org_admin"], groups["open"], status=GroupMembership.Status.PENDING)
    before = snapshot()

    member = signed_in(approved)
    assert_refused(member.post(f"{prefix}/groups/999999/join/"), 404, texts["no_group"])
    # A page id that exists but is not a working group.
    assert_refused(member.post(f"{prefix}/groups/{groups['open'].get_parent().pk}/join/"), 404, texts["no_group"])
    assert_refused(member.get(f"{prefix}/groups/{groups['open'].pk}/join/"), 405, texts["post_only"])
    assert_refused(member.get(f"{prefix}/groups/{groups['open'].pk}/leave/"), 405, texts["post_only"])
    assert_refused(member.post(f"{prefix}/groups/{groups['open'].pk}/leave/"), 409, texts["not_member"])

    chair = signed_in(co_chair)
    assert_refused(chair.get(f"{prefix}/requests/{request.pk}/accept/"), 405, texts["post_only"])
    assert_refused(chair.post(f"{prefix}/requests/999999/accept/"), 404, texts["no_request"])
    # Another group's request: this co-chair does not run the open group.
    assert_refused(chair.post(f"{prefix}/requests/{other_groups_request.pk}/accept/"), 403, texts["not_yours"])
    assert_refused(signed_in(other_co_chair).post(f"{prefix}/requests/{request.pk}/decline/"), 403, texts["not_yours"])
    assert snapshot() == before

    # Replayed POST: the first accepts, the replay changes nothing.
    assert chair.post(f"{prefix}/requests/{request.pk}/accept/").status_code == 302
    after_accept = snapshot()
    assert_refused(chair.post(f"{prefix}/requests/{request.pk}/accept/"), 409, texts["decided"])
    assert_refused(chair.post(f"{prefix}/requests/{request.pk}/decline/"), 409, texts["decided"])
    assert snapshot() == after_accept

    admin = signed_in(people["org_admin"])
    assert_refused(admin.post(f"{prefix}/people/999999/approve/"), 404, texts["no_person"])
    assert_refused(
        admin.get(f"{prefix}/people/{people['pending'].member_profile.pk}/approve/"), 405, texts["post_only"]
    )
    # Already approved: replaying an approval or rejecting changes nothing.
    approved_profile = approved.member_profile.pk
    assert_refused(admin.post(f"{prefix}/people/{approved_profile}/approve/"), 409, texts["reviewed"])
    assert_refused(admin.post(f"{prefix}/people/{approved_profile}/reject/", {"reason": "x"}), 409, texts["reviewed"])
    # A rejection without its reason.
    response = admin.post(f"{prefix}/people/{people['pending'].member_profile.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    assert snapshot() == after_accept


@pytest.mark.parametrize("language", ["fr", "en"])
def test_signup_with_unknown_organisation_id(client, people, language):
    before = snapshot()
    response = client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "inconnu@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "Ina",
            "last_name": "Connue",
            "preferred_language": language,
            "organisation": "999999",
        },
    )
    assert_refused(response, 400, MESSAGES[language]["bad_organisation"])
    assert snapshot() == before


def test_lapsed_organisation_cannot_be_chosen_at_signup(client, people):
    from members.models import MemberOrganisation

    lapsed = MemberOrganisation.objects.create(name="Échu", province="QC", status=MemberOrganisation.Status.LAPSED)
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "echu@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "E",
            "last_name": "Chu",
            "preferred_language": "fr",
            "organisation": lapsed.pk,
        },
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="echu@example.org").exists()


def test_post_without_csrf_token_is_refused(people, groups):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["approved"])
    before = snapshot()
    response = client.post(f"/fr/members/groups/{groups['open'].pk}/join/")
    assert response.status_code == 403
    assert snapshot() == before


def test_redirect_after_join_stays_on_this_site(people, groups):
    client = signed_in(people["approved"])
    response = client.post(f"/fr/members/groups/{groups['open'].pk}/join/", {"next": "https://evil.example/"})
    assert response["Location"] == "/fr/members/"


@pytest.mark.parametrize(
    ("next_url", "location"),
    [
        ("abc", "/fr/members/"),
        ("members:dashboard", "/fr/members/"),
        ("//evil.example/fr/", "/fr/members/"),
        ("/\\evil.example/", "/fr/members/"),
        ("javascript:alert(1)", "/fr/members/"),
        ("/fr/groupes/detention/", "/fr/groupes/detention/"),
    ],
)
@pytest.mark.parametrize("action", ["join", "leave"])
def test_next_is_followed_only_when_it_is_a_path_on_this_site(people, groups, next_url, location, action):
    client = signed_in(people["approved"])
    if action == "leave":
        add_membership(people["approved"], groups["open"])
    response = client.post(f"/fr/members/groups/{groups['open'].pk}/{action}/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == location
