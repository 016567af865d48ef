"""Who leads a group has one record, its memberships: the group page in both languages, the API
and the roster all follow it, and a change shows at once on the cached page."""

import pytest

from members.models import GroupMembership, GroupSettings
from tests.factories.members import OrganisationFactory, add_membership, make_groups, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(site_tree):
    (group,) = make_groups(site_tree, ("protection", "Protection au Canada", GroupSettings.JoinPolicy.OPEN))
    return group


@pytest.fixture
def marie(group):
    person = make_person(
        organisation=OrganisationFactory(name="Centre d'accueil de Montréal"), first_name="Marie", last_name="Tremblay"
    )
    return add_membership(person, group, role=GroupMembership.Role.CO_CHAIR)


def leadership_in_api(client, page):
    return client.get(f"/api/v3/pages/{page.pk}/").json()["leadership"]


def test_a_co_chair_membership_is_the_leadership_in_both_languages_the_api_and_the_roster(client, group, marie):
    english = group.get_translation(group.get_translations().get().locale)
    french_html = client.get("/fr/groupes-de-travail/protection/").content.decode()
    english_html = client.get(english.url).content.decode()
    assert "Marie Tremblay" in french_html and "Coprésident" in french_html
    assert "Marie Tremblay" in english_html and "Co-chair" in english_html
    assert "Centre d&#x27;accueil de Montréal" in english_html

    for page in (group, english):
        (leader,) = leadership_in_api(client, page)
        assert leader["display_name"] == "Marie Tremblay"
        assert leader["role"] == "co_chair"
        assert leader["organisation"] == "Centre d'accueil de Montréal"
        assert set(leader) == {"role", "role_label", "display_name", "organisation"}  # no account, no address

    client.force_login(marie.user)
    assert client.get(f"/fr/members/groups/{group.pk}/roster/").status_code == 200


def test_taking_the_role_away_changes_page_api_and_roster_together(client, group, marie):
    assert client.get("/fr/groupes-de-travail/protection/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/groupes-de-travail/protection/")["X-Page-Cache"] == "hit"

    marie.role = GroupMembership.Role.MEMBER
    marie.save()

    response = client.get("/fr/groupes-de-travail/protection/")
    assert response["X-Page-Cache"] == "miss"  # the cached page was refreshed
    assert "Marie Tremblay" not in response.content.decode()
    assert leadership_in_api(client, group) == []
    client.force_login(marie.user)
    assert client.get(f"/fr/members/groups/{group.pk}/roster/").status_code == 403


def test_a_new_co_chair_shows_on_the_cached_page(client, group):
    client.get("/en/")  # warm the caches of the layout
    assert "Marie Tremblay" not in client.get("/fr/groupes-de-travail/protection/").content.decode()
    person = make_person(first_name="Marie", last_name="Tremblay")
    add_membership(person, group, role=GroupMembership.Role.CO_CHAIR)
    assert "Marie Tremblay" in client.get("/fr/groupes-de-travail/protection/").content.decode()


def test_renaming_a_leader_or_their_organisation_shows_on_the_cached_page(client, group, marie):
    url = "/fr/groupes-de-travail/protection/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    marie.user.last_name = "Tremblay-Roy"
    marie.user.save()
    assert "Marie Tremblay-Roy" in client.get(url).content.decode()
    organisation = marie.user.member_profile.organisation
    organisation.name = "Centre d'accueil du Grand Montréal"
    organisation.save()
    assert "Centre d&#x27;accueil du Grand Montréal" in client.get(url).content.decode()


def test_people_who_lead_nothing_leave_the_cache_alone(client, group, marie):
    url = "/fr/groupes-de-travail/protection/"
    client.get(url)
    someone = make_person(first_name="Personne", last_name="Ordinaire")
    someone.last_name = "Autre"
    someone.save()
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_leaders_are_listed_by_role_and_members_and_requests_are_not(client, group, marie):
    staff = add_membership(make_person(first_name="Luc", last_name="Bouchard"), group, role=GroupMembership.Role.STAFF)
    add_membership(make_person(first_name="Simple", last_name="Membre"), group)
    add_membership(
        make_person(first_name="Demande", last_name="Enattente"),
        group,
        role=GroupMembership.Role.CO_CHAIR,
        status=GroupMembership.Status.PENDING,
    )
    names = [leader["display_name"] for leader in leadership_in_api(client, group)]
    assert names == [marie.user.get_full_name(), staff.user.get_full_name()]


@pytest.fixture
def old_leadership_table():
    """The page inline's table as migration 0002 left it, and its historical model."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    state = MigrationLoader(connection).project_state(("workinggroups", "0002_groups_projects_achievements_meetings"))
    uuid_type = "uuid" if connection.vendor == "postgresql" else "char(32)"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE workinggroups_workinggroupleader (id integer PRIMARY KEY, "
            f"translation_key {uuid_type} NOT NULL, sort_order integer NULL, role varchar(40) NOT NULL, "
            "name varchar(150) NOT NULL, organisation varchar(200) NOT NULL, locale_id bigint NOT NULL, "
            "page_id bigint NOT NULL, user_id bigint NULL)"
        )
    return state.apps.get_model("workinggroups", "WorkingGroupLeader")


def test_the_migration_carries_the_page_inline_over_to_memberships(group, old_leadership_table):
    import importlib

    from django.apps import apps

    from members.models import MemberProfile

    migration = importlib.import_module("workinggroups.migrations.0003_leadership_from_memberships")
    english = group.get_translations().get()
    linked = make_person(first_name="Amina", last_name="Diallo")
    add_membership(linked, group)  # already a member: the migration gives her the role
    rows = [
        (group, GroupMembership.Role.CO_CHAIR, "", "", linked),
        (group, GroupMembership.Role.STAFF, "Luc Bouchard", "Conseil canadien pour les réfugiés", None),
        # The translation's copy of the inline is not a second set of leaders.
        (english, GroupMembership.Role.CO_CHAIR, "Someone Else", "", None),
    ]
    for number, (page, role, name, organisation, user) in enumerate(rows, start=1):
        old_leadership_table.objects.create(
            id=number, page_id=page.pk, locale_id=page.locale_id, role=role, name=name,
            organisation=organisation, user_id=user.pk if user else None, sort_order=number,
        )  # fmt: skip

    class HistoricalApps:
        def get_model(self, app_label, model_name):
            if model_name == "WorkingGroupLeader":
                return old_leadership_table
            return apps.get_model(app_label, model_name)

    migration.leaders_to_memberships(HistoricalApps(), None)

    assert [(leader.display_name, leader.role) for leader in group.leaders] == [
        ("Amina Diallo", GroupMembership.Role.CO_CHAIR),
        ("Luc Bouchard", GroupMembership.Role.STAFF),
    ]
    placeholder = GroupMembership.objects.get(role=GroupMembership.Role.STAFF).user
    assert placeholder.email.endswith("@leaders.invalid")
    assert not placeholder.has_usable_password()
    assert placeholder.member_profile.status == MemberProfile.Status.PENDING
    assert placeholder.member_profile.organisation_name == "Conseil canadien pour les réfugiés"
