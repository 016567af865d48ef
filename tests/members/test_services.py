"""Approval and the Members group, group identity across languages, joining and its race."""

from unittest import mock

import pytest

from django.core import mail
from django.db import IntegrityError

from members import services
from members.access import MEMBERS_GROUP_NAME, canonical_group, is_approved_member
from members.models import GroupMembership, MemberOrganisation, MemberProfile
from tests.factories.members import OrganisationFactory, ProfileFactory, UserFactory, make_person

pytestmark = pytest.mark.django_db


def in_members_group(user):
    return user.groups.filter(name=MEMBERS_GROUP_NAME).exists()


def test_members_group_exists_after_migrations():
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=MEMBERS_GROUP_NAME).exists()


def test_approval_puts_in_members_group_and_emails_in_the_persons_language(django_capture_on_commit_callbacks):
    reviewer = UserFactory()
    profile = ProfileFactory(user=UserFactory(preferred_language="en"))
    assert not in_members_group(profile.user)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve(profile, reviewer)

    profile.refresh_from_db()
    assert profile.status == MemberProfile.Status.APPROVED
    assert profile.reviewed_by == reviewer and profile.reviewed_at is not None
    assert in_members_group(profile.user)
    assert is_approved_member(profile.user)
    assert [message.to for message in mail.outbox] == [[profile.user.email]]
    assert mail.outbox[0].subject == "Your membership account is approved"


def test_approval_is_read_once_and_forgotten_when_it_changes(django_assert_num_queries):
    """Asked many times a request (menus, cards, buttons): one query, and never a stale answer."""
    user = UserFactory()
    profile = ProfileFactory(user=user)
    assert not is_approved_member(user)
    with django_assert_num_queries(0):
        assert not is_approved_member(user)
    services.approve(profile, None)
    assert is_approved_member(user)  # the same instance, as in the request that approved
    # Staff revoke the approval in the admin (the members area decides pending people only).
    services.decide_profile(profile, None, MemberProfile.Status.REJECTED, "Organisme inconnu", only_from=["approved"])
    assert not is_approved_member(user)
    user.is_active = False
    services.decide_profile(profile, None, MemberProfile.Status.APPROVED, only_from=["rejected"])
    assert not is_approved_member(user)  # a deactivated account is no member


def test_rejection_takes_out_and_sends_the_reason_in_french(django_capture_on_commit_callbacks):
    profile = ProfileFactory(user=UserFactory(preferred_language="fr"))
    services.approve(profile, None)
    assert in_members_group(profile.user)

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_profile(
            profile,
            UserFactory(),
            MemberProfile.Status.REJECTED,
            "Organisme inconnu de nos services",
            only_from=["approved"],
        )

    assert not in_members_group(profile.user)
    assert mail.outbox[0].subject == "Votre demande d'adhésion n'a pas été approuvée"
    assert "Organisme inconnu de nos services" in mail.outbox[0].body


def test_lapsed_organisation_takes_its_people_out_and_renewal_brings_them_back():
    organisation = OrganisationFactory()
    user = make_person(organisation=organisation)
    assert in_members_group(user)

    organisation.status = MemberOrganisation.Status.LAPSED
    organisation.save()
    assert not in_members_group(user)

    organisation.status = MemberOrganisation.Status.ACTIVE
    organisation.save()
    assert in_members_group(user)


def test_removing_the_profile_takes_out():
    user = make_person()
    user.member_profile.delete()
    assert not in_members_group(user)


def test_a_group_and_its_translation_are_one_group(groups):
    french = groups["open"]
    english = french.get_translation(french.locale.__class__.objects.get(language_code="en"))
    assert canonical_group(english).pk == french.pk

    user = make_person()
    first = services.join(user, english)
    second = services.join(user, french)
    assert first.pk == second.pk
    assert first.group_id == french.pk
    assert GroupMembership.objects.filter(user=user).count() == 1


def test_join_open_group_is_active_and_on_request_is_pending(groups):
    user = make_person()
    assert services.join(user, groups["open"]).status == GroupMembership.Status.ACTIVE
    assert services.join(user, groups["on_request"]).status == GroupMembership.Status.PENDING


def test_join_request_notifies_the_co_chairs(groups):
    from members.models import GroupMembership as GM
    from tests.factories.members import add_membership

    co_chair = make_person(preferred_language="en")
    add_membership(co_chair, groups["on_request"], role=GM.Role.CO_CHAIR)
    services.join(make_person(first_name="Zoé", last_name="Demande"), groups["on_request"])
    assert [message.to for message in mail.outbox] == [[co_chair.email]]
    assert "Zoé Demande asks to join Protection au Canada (EN)" in mail.outbox[0].body


def test_join_that_loses_the_race_returns_the_existing_row(groups):
    """The other request inserted first: get_or_create meets the unique constraint."""
    user = make_person()
    existing = GroupMembership.objects.create(user=user, group=groups["open"], status=GroupMembership.Status.ACTIVE)
    real_get_or_create = GroupMembership.objects.get_or_create

    def racing_get_or_create(**kwargs):
        # What the loser sees: its SELECT found nothing, its INSERT hits the constraint.
        raise IntegrityError("duplicate key value violates unique constraint")

    with mock.patch.object(GroupMembership.objects, "get_or_create", side_effect=racing_get_or_create):
        membership = services.join(user, groups["open"])
    assert membership.pk == existing.pk
    assert GroupMembership.objects.filter(user=user).count() == 1
    assert real_get_or_create  # untouched outside the patch


def test_unique_constraint_per_user_and_group(groups):
    user = make_person()
    GroupMembership.objects.create(user=user, group=groups["open"])
    with pytest.raises(IntegrityError):
        GroupMembership.objects.create(user=user, group=groups["open"])


def test_leave_then_come_back_reuses_the_row(groups):
    user = make_person()
    membership = services.join(user, groups["open"])
    services.leave(membership)
    assert membership.status == GroupMembership.Status.LEFT and membership.ended_at is not None
    again = services.join(user, groups["open"])
    assert again.pk == membership.pk and again.status == GroupMembership.Status.ACTIVE


def test_decide_twice_changes_nothing_the_second_time(groups):
    membership = services.join(make_person(), groups["on_request"])
    decider = UserFactory()
    assert services.decide(membership, decider, accept=True) is True
    assert services.decide(membership, decider, accept=False) is False
    membership.refresh_from_db()
    assert membership.status == GroupMembership.Status.ACTIVE


def test_organisation_not_listed_notifies_staff_in_their_language(settings):
    staff = UserFactory(is_superuser=True, is_staff=True, preferred_language="en")
    user = UserFactory()
    profile = services.create_profile(user, organisation_not_listed="Maison de l'amitié")
    assert not mail.outbox  # nobody hears of the person before the address is verified
    services.notify_reviewers(profile)
    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert mail.outbox[0].subject == "Organisation to add: Maison de l'amitié"
