import pytest

from members.models import GroupMembership, GroupSettings, MemberProfile
from tests.factories.members import OrganisationFactory, UserFactory, add_membership, make_groups, make_person


@pytest.fixture
def groups(site_tree):
    """An open group and an on-request group (French pages, with English translations)."""
    open_group, request_group = make_groups(
        site_tree,
        ("detention", "Détention", GroupSettings.JoinPolicy.OPEN),
        ("protection", "Protection au Canada", GroupSettings.JoinPolicy.ON_REQUEST),
    )
    return {"open": open_group, "on_request": request_group}


@pytest.fixture
def people(groups):
    """One person per row of the permission matrix."""
    organisation = OrganisationFactory(name="Organisme A")
    other_organisation = OrganisationFactory(name="Organisme B")
    approved = make_person(organisation=organisation, first_name="Ana", last_name="Approuvée")
    co_chair = make_person(organisation=organisation, first_name="Chloé", last_name="Coprésidente")
    add_membership(co_chair, groups["on_request"], role=GroupMembership.Role.CO_CHAIR)
    other_co_chair = make_person(organisation=other_organisation, first_name="Omar", last_name="Autre")
    add_membership(other_co_chair, groups["open"], role=GroupMembership.Role.CO_CHAIR)
    org_admin = make_person(organisation=organisation, first_name="Alice", last_name="Admin")
    organisation.administrators.add(org_admin)
    other_org_admin = make_person(organisation=other_organisation, first_name="Olga", last_name="Admin")
    other_organisation.administrators.add(other_org_admin)
    pending = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, first_name="Paul")
    unverified = make_person(status=MemberProfile.Status.PENDING, organisation=organisation, verified=False)
    staff = UserFactory(is_staff=True, is_superuser=True, first_name="Sam", last_name="Staff")
    return {
        "organisation": organisation,
        "other_organisation": other_organisation,
        "approved": approved,
        "co_chair": co_chair,
        "other_co_chair": other_co_chair,
        "org_admin": org_admin,
        "other_org_admin": other_org_admin,
        "pending": pending,
        "unverified": unverified,
        "staff": staff,
    }
