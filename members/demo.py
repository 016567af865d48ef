"""Demo member organisations, people and group memberships.

Runs after ``workinggroups.demo``. Organisations are always loaded; people only when
demo accounts are allowed (dev and test settings). Without any working group page
(this app alone), memberships and join policies are skipped. Idempotent: everything is
found by a stable key (organisation name, email, user and group) and left alone once there.
"""

import datetime

from allauth.account.models import EmailAddress

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import Locale

from workinggroups.models import WorkingGroupPage

from .access import sync_members_group
from .models import GroupMembership, GroupSettings, MemberOrganisation, MemberProfile, User

# Development only: these passwords are published in docs/members.md.
DEMO_PASSWORD = "coalition-member"  # noqa: S105 (dev only, documented)

ORGANISATIONS = [
    {
        "name": "Centre d'accueil des nouveaux arrivants de Montréal",
        "province": "QC",
        "website": "https://example.org/cana-montreal",
        "member_since": datetime.date(1998, 5, 1),
    },
    {
        "name": "Toronto Refugee Settlement Network",
        "province": "ON",
        "website": "https://example.org/trsn",
        "member_since": datetime.date(2004, 11, 15),
    },
    {
        "name": "Maison d'entraide de l'Outaouais",
        "province": "QC",
        "website": "https://example.org/meo",
        "member_since": datetime.date(2012, 6, 1),
    },
    {
        "name": "Prairie Newcomer Alliance",
        "province": "MB",
        "status": MemberOrganisation.Status.LAPSED,
        "website": "https://example.org/pna",
        "member_since": datetime.date(2009, 3, 1),
    },
]

# (email, first name, last name, language, organisation index or not-listed name, status, administers)
PEOPLE = [
    ("marie.tremblay@example.org", "Marie", "Tremblay", "fr", 0, MemberProfile.Status.APPROVED, True),
    ("james.chen@example.org", "James", "Chen", "en", 1, MemberProfile.Status.APPROVED, True),
    ("sophie.martin@example.org", "Sophie", "Martin", "fr", 0, MemberProfile.Status.APPROVED, False),
    ("daniel.okafor@example.org", "Daniel", "Okafor", "en", 2, MemberProfile.Status.APPROVED, False),
    ("amir.haddad@example.org", "Amir", "Haddad", "en", 1, MemberProfile.Status.PENDING, False),
    (
        "lucie.gagnon@example.org",
        "Lucie",
        "Gagnon",
        "fr",
        "Maison de l'amitié de Sherbrooke",
        MemberProfile.Status.PENDING,
        False,
    ),
]

# (email, index of the group among the French groups by position, role). The leading roles here
# are also who each group page shows under « Leadership »: memberships are the one record of it.
MEMBERSHIPS = [
    ("marie.tremblay@example.org", 0, GroupMembership.Role.CO_CHAIR),
    ("james.chen@example.org", 0, GroupMembership.Role.CO_CHAIR),
    ("james.chen@example.org", 1, GroupMembership.Role.CO_CHAIR),
    ("sophie.martin@example.org", 0, GroupMembership.Role.MEMBER),
    ("daniel.okafor@example.org", 1, GroupMembership.Role.STEERING_COMMITTEE),
]

# Group index → join policy (the others stay open to members).
ON_REQUEST_GROUPS = [1]


def load(stdout, *, with_accounts=True):
    organisations = load_organisations(stdout)
    groups = working_groups()
    for index in ON_REQUEST_GROUPS:
        if index < len(groups):
            GroupSettings.objects.get_or_create(
                group=groups[index], defaults={"join_policy": GroupSettings.JoinPolicy.ON_REQUEST}
            )
    if not with_accounts:
        return
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise CommandError("Demo accounts are for development only; run with --no-accounts.")
    people = load_people(stdout, organisations)
    verify_superuser_email()
    if not groups:
        stdout.write("  no working group yet: demo memberships skipped")
        return
    load_memberships(stdout, people, groups)


def load_organisations(stdout):
    organisations = []
    for data in ORGANISATIONS:
        organisation, created = MemberOrganisation.objects.get_or_create(
            name=data["name"], defaults={key: value for key, value in data.items() if key != "name"}
        )
        if created:
            stdout.write(f"  organisation {organisation.name} created")
        organisations.append(organisation)
    return organisations


def working_groups():
    return list(WorkingGroupPage.objects.live().filter(locale=Locale.get_default()).order_by("path"))


def verified_email(user):
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})


def verify_superuser_email():
    """The home app's demo superuser signs in through allauth too: its address counts as verified."""
    for user in User.objects.filter(is_superuser=True, email__endswith="@example.org"):
        verified_email(user)


def load_people(stdout, organisations):
    people = {}
    for email, first_name, last_name, language, organisation, status, administers in PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                preferred_language=language,
            )
            stdout.write(f"  account {email} created")
        verified_email(user)
        if isinstance(organisation, int):
            defaults = {"organisation": organisations[organisation]}
        else:
            defaults = {"organisation_not_listed": organisation}
        if status == MemberProfile.Status.APPROVED:
            defaults.update(status=status, reviewed_at=timezone.now())
        profile, created = MemberProfile.objects.get_or_create(user=user, defaults=defaults)
        if created:
            sync_members_group(user)
        if administers and isinstance(organisation, int):
            organisations[organisation].administrators.add(user)
        people[email] = user
    return people


def load_memberships(stdout, people, groups):
    for email, index, role in MEMBERSHIPS:
        if index >= len(groups):
            continue
        _, created = GroupMembership.objects.get_or_create(
            user=people[email],
            group=groups[index],
            defaults={"role": role, "status": GroupMembership.Status.ACTIVE, "joined_at": timezone.now()},
        )
        if created:
            stdout.write(f"  {email} in {groups[index].title}")
