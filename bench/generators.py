"""Synthetic content for the benchmark, in the shapes the site's models expect.

At scale N (N > 1) the French site grows to 5·N working groups, 50·N projects and
achievements, 200·N resources and 500·N approved members; 10× is the issue's
50 groups, 500 projects and achievements, 2,000 resources and 5,000 members.
"""

import datetime
import random

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

WORDS = (
    "détention réinstallation parrainage protection établissement nouveaux arrivants demandeurs asile "
    "travailleurs migrants réunification familiale régularisation statut précaire résidence permanente "
    "plaidoyer résolution atelier campagne dialogue gouvernement ressource pratique politique"
).split()


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def grow(scale):
    rng = random.Random(scale)  # noqa: S311 - benchmark data, not security
    with transaction.atomic():
        groups = grow_working_groups(scale, rng)
        grow_members(scale, rng, groups)
        if apps.is_installed("resources"):
            from bench.resource_generator import grow_resources

            grow_resources(scale, rng, groups)
        if apps.is_installed("meetings"):
            grow_meetings(groups)


def grow_meetings(groups):
    """Two meeting pages a group (one upcoming, one past) for the groups that have none."""
    from meetings.models import MeetingPage

    for group in groups:
        if MeetingPage.objects.child_of(group).exists():
            continue
        for days in (45, -60):
            starts_at = timezone.now() + datetime.timedelta(days=days)
            page = MeetingPage(
                title=f"Rencontre {group.slug} {days}",
                slug="rencontre-passee" if days < 0 else "rencontre-a-venir",
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=2),
                city="Toronto",
                locale=group.locale,
            )
            group.add_child(instance=page).save_revision().publish()


def grow_working_groups(scale, rng):
    from workinggroups.choices import AchievementKind, ProjectStatus
    from workinggroups.models import (
        AchievementPage,
        Meeting,
        ProjectPage,
        Topic,
        WorkingGroupIndexPage,
        WorkingGroupPage,
        WorkingGroupTopic,
    )

    french = Locale.objects.get(language_code="fr")
    index = WorkingGroupIndexPage.objects.get(locale=french)
    topics = list(Topic.objects.filter(locale=french))
    groups = list(WorkingGroupPage.objects.filter(locale=french))
    number = len(groups)
    while len(groups) < 5 * scale:
        number += 1
        group = index.add_child(
            instance=WorkingGroupPage(
                title=f"Groupe de travail {number}",
                slug=f"groupe-{number}",
                introduction=sentence(rng),
                summary=f"<p>{sentence(rng, 30)}</p>",
                locale=french,
            )
        )
        for order, topic in enumerate(rng.sample(topics, 2)):
            WorkingGroupTopic.objects.create(page=group, topic=topic, sort_order=order, locale=french)
        for days in (30, 90):
            Meeting.objects.create(
                page=group, starts_at=timezone.now() + datetime.timedelta(days=days), city="Montréal", locale=french
            )
        group.save_revision().publish()
        groups.append(group)
    children = ProjectPage.objects.filter(locale=french).count() + AchievementPage.objects.filter(locale=french).count()
    number = 0
    while children < 50 * scale:
        number += 1
        group = groups[number % len(groups)]
        if number % 2:
            page = ProjectPage(
                title=f"Projet {number}",
                slug=f"projet-{number}",
                introduction=sentence(rng),
                status=rng.choice([ProjectStatus.ONGOING, ProjectStatus.COMPLETED]),
                locale=french,
            )
        else:
            page = AchievementPage(
                title=f"Réalisation {number}",
                slug=f"realisation-{number}",
                introduction=sentence(rng),
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
                kind=AchievementKind.REPORT,
                locale=french,
            )
        group.add_child(instance=page).save_revision().publish()
        children += 1
    return groups


def grow_members(scale, rng, groups):
    from members.models import GroupMembership, MemberOrganisation, MemberProfile

    User = get_user_model()
    members_group = Group.objects.get(name="Members")
    organisations = list(MemberOrganisation.objects.filter(status=MemberOrganisation.Status.ACTIVE))
    existing = User.objects.filter(email__startswith="bench-").count()
    wanted = 500 * scale - existing
    if wanted <= 0:
        return
    users = User.objects.bulk_create(
        [
            User(email=f"bench-{existing + n}@example.org", first_name="Membre", last_name=str(existing + n))
            for n in range(wanted)
        ]
    )
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(user=user, organisation=rng.choice(organisations), status=MemberProfile.Status.APPROVED)
            for user in users
        ]
    )
    members_group.user_set.add(*users)
    now = timezone.now()
    GroupMembership.objects.bulk_create(
        [
            GroupMembership(
                user=user,
                group=group,
                role=GroupMembership.Role.MEMBER,
                status=GroupMembership.Status.ACTIVE,
                joined_at=now,
            )
            for user in users
            for group in rng.sample(groups, 2)
        ],
        ignore_conflicts=True,
    )
