"""MemberBackend: the permissions Django's ModelBackend gives, read with the person's groups in one query."""

import pytest

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from members.access import STAFF_GROUPS_PERMISSION, STAFF_REVIEW_PERMISSION, is_approved_member, is_members_staff
from members.backends import MemberBackend
from members.models import User
from tests.factories.members import make_person

pytestmark = pytest.mark.django_db


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def person():
    """An approved member (the Members group), with a permission of their own and one from another group."""
    user = make_person()
    user.user_permissions.add(permission(STAFF_REVIEW_PERMISSION))
    staff = Group.objects.create(name="Équipe des adhésions")
    staff.permissions.add(permission(STAFF_GROUPS_PERMISSION), permission("members.view_memberprofile"))
    user.groups.add(staff)
    return user


def test_the_same_permissions_as_django_gives(person):
    django, ours = ModelBackend(), MemberBackend()
    for method in ("get_user_permissions", "get_group_permissions", "get_all_permissions"):
        expected = getattr(django, method)(User.objects.get(pk=person.pk))
        assert getattr(ours, method)(User.objects.get(pk=person.pk)) == expected, method
    assert MemberBackend().get_all_permissions(User.objects.get(pk=person.pk)) == {
        STAFF_REVIEW_PERMISSION,
        STAFF_GROUPS_PERMISSION,
        "members.view_memberprofile",
    }


def test_groups_and_permissions_are_read_in_one_query(person, django_assert_num_queries):
    user = User.objects.get(pk=person.pk)
    with django_assert_num_queries(1):
        assert is_approved_member(user)
        assert is_members_staff(user)
        assert user.has_perm(STAFF_REVIEW_PERMISSION)
        assert not user.has_perm("members.delete_user")
        assert user.group_names == {"Members", "Équipe des adhésions"}


def test_an_inactive_person_has_no_permission_and_a_superuser_every_one(person):
    person.is_active = False
    assert MemberBackend().get_all_permissions(person) == set()
    assert not is_members_staff(person)
    admin = User.objects.create_superuser(email="admin@example.org", password="x")  # noqa: S106
    assert MemberBackend().get_all_permissions(admin) == ModelBackend().get_all_permissions(admin)


def test_a_group_added_is_seen_once_forgotten(person):
    group = Group.objects.create(name="Co-présidence")
    group.permissions.add(permission("members.delete_user"))
    assert "Co-présidence" not in person.group_names
    person.groups.add(group)
    person.forget_group_names()
    assert "Co-présidence" in person.group_names
    assert "members.delete_user" in MemberBackend().get_group_permissions(person)
