"""The demo members are consistent; concurrent joins on PostgreSQL give one row."""

import threading
from io import StringIO

import pytest

from django.db import connection

from members import services
from members.access import MEMBERS_GROUP_NAME
from members.models import GroupMembership, GroupSettings, MemberOrganisation, MemberProfile, User


def counts():
    return (
        MemberOrganisation.objects.count(),
        MemberProfile.objects.count(),
        GroupMembership.objects.count(),
        GroupSettings.objects.count(),
        User.objects.count(),
    )


def test_demo_content_is_consistent(demo_content):
    # That loading it twice changes nothing is tests/home/test_demo_content.py's, for every model.
    assert counts()[0] >= 4
    approved = User.objects.filter(member_profile__status=MemberProfile.Status.APPROVED)
    lapsed = approved.filter(member_profile__organisation__status=MemberOrganisation.Status.LAPSED)
    in_group = User.objects.filter(groups__name=MEMBERS_GROUP_NAME)
    assert set(in_group) == set(approved) - set(lapsed)
    assert User.objects.filter(member_profile__status=MemberProfile.Status.PENDING).exists()
    assert MemberOrganisation.objects.filter(administrators__isnull=False).exists()
    demo_user = User.objects.get(email="marie.tremblay@example.org")
    assert demo_user.check_password("coalition-member")
    assert demo_user.emailaddress_set.filter(verified=True).exists()


@pytest.mark.django_db
def test_demo_accounts_refused_when_not_allowed(settings, site_tree):
    from django.core.management.base import CommandError

    from members import demo

    settings.DEMO_ACCOUNTS_ALLOWED = False
    demo.load(StringIO(), with_accounts=False)  # organisations only: fine
    assert MemberOrganisation.objects.exists()
    with pytest.raises(CommandError):
        demo.load(StringIO(), with_accounts=True)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_joins_give_one_row():
    """Threads with their own connections join at once: one row per person.

    The rows must be committed for the other connections to see them: a transactional test,
    with the migrations' data (root page, Members group) put back from their serialization.
    """
    from wagtail.models import Locale, Page

    from tests.factories.members import make_person
    from workinggroups.models import WorkingGroupPage

    root = Page.get_first_root_node()
    group = root.add_child(
        instance=WorkingGroupPage(title="Course", slug="course-concurrente", locale=Locale.get_default())
    )
    people = [make_person() for _ in range(3)]
    threads_per_person = 4
    barrier = threading.Barrier(len(people) * threads_per_person)
    results, errors = [], []

    def join(user):
        try:
            barrier.wait(timeout=30)
            results.append((user.pk, services.join(user, group).pk))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=join, args=(user,)) for user in people for _ in range(threads_per_person)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    for user in people:
        rows = GroupMembership.objects.filter(user=user, group=group)
        assert rows.count() == 1
        assert {pk for user_pk, pk in results if user_pk == user.pk} == {rows.get().pk}
