"""Who leads a group moves from the page's « leadership » inline to the group's memberships.

Each leader of a group (its page in the default language; the translations hold copies)
becomes an active ``members.GroupMembership`` with that role. A leader linked to an account
takes the role on that account's membership; a membership that already has a leading role
keeps it (membership staff set it). A leader given only by name gets an account that cannot
sign in (no password, an address under the reserved ``.invalid`` domain) and a pending
profile naming their organisation, so membership staff find them and can link the person
to their real account.
"""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify


def canonical_pages(WorkingGroupPage):
    """One page per group: the one in the default language where there is one."""
    pages = {}
    for page in WorkingGroupPage.objects.select_related("locale").order_by("pk"):
        current = pages.get(page.translation_key)
        if current is None or (
            page.locale.language_code == settings.LANGUAGE_CODE
            and current.locale.language_code != settings.LANGUAGE_CODE
        ):
            pages[page.translation_key] = page
    return pages.values()


def account_for_name(apps, leader):
    User = apps.get_model("members", "User")
    MemberProfile = apps.get_model("members", "MemberProfile")
    MemberOrganisation = apps.get_model("members", "MemberOrganisation")

    name = " ".join(leader.name.split())
    first_name, _, last_name = name.partition(" ")
    user = User.objects.create(
        email=f"{slugify(name) or 'leader'}-{leader.pk}@leaders.invalid",
        first_name=first_name[:150],
        last_name=last_name[:150],
        password=make_password(None),
        preferred_language=settings.LANGUAGE_CODE,
    )
    organisation = MemberOrganisation.objects.filter(name=leader.organisation).first()
    MemberProfile.objects.create(
        user=user,
        organisation=organisation,
        organisation_not_listed="" if organisation else leader.organisation[:255],
    )
    return user


def leaders_to_memberships(apps, schema_editor):
    WorkingGroupPage = apps.get_model("workinggroups", "WorkingGroupPage")
    WorkingGroupLeader = apps.get_model("workinggroups", "WorkingGroupLeader")
    GroupMembership = apps.get_model("members", "GroupMembership")

    now = timezone.now()
    for page in canonical_pages(WorkingGroupPage):
        for leader in WorkingGroupLeader.objects.filter(page_id=page.pk).order_by("sort_order", "pk"):
            if leader.user_id is None and not leader.name.strip():
                continue
            user_id = leader.user_id or account_for_name(apps, leader).pk
            membership = GroupMembership.objects.filter(user_id=user_id, group_id=page.pk).first()
            if membership is None:
                GroupMembership.objects.create(
                    user_id=user_id, group_id=page.pk, role=leader.role, status="active", joined_at=now
                )
            elif membership.role == "member" or membership.status != "active":
                membership.role = leader.role
                membership.status = "active"
                membership.joined_at = membership.joined_at or now
                membership.ended_at = None
                membership.save(update_fields=["role", "status", "joined_at", "ended_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("workinggroups", "0002_groups_projects_achievements_meetings"),
        ("members", "0005_membership_roles_from_leadership_roles"),
    ]

    operations = [
        migrations.RunPython(leaders_to_memberships, migrations.RunPython.noop),
        migrations.DeleteModel(name="WorkingGroupLeader"),
    ]
