"""Factories of the working groups app (pages are created under the given ``parent``)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from workinggroups.choices import AchievementKind, LeadershipRole, ProjectStatus
from workinggroups.models import (
    AchievementPage,
    AchievementTopic,
    Meeting,
    ProjectPage,
    ProjectTopic,
    Topic,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
)


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Enjeu {n}")

    class Meta:
        model = Topic


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Les groupes de travail"
    slug = "groupes-de-travail"
    show_in_menus = True

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Groupe {n}")
    introduction = "Un groupe de travail."
    meeting_pattern = "Trois fois par année."

    class Meta:
        model = WorkingGroupPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Projet {n}")
    status = ProjectStatus.ONGOING

    class Meta:
        model = ProjectPage


class AchievementPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Réalisation {n}")
    kind = AchievementKind.REPORT
    date = datetime.date(2024, 1, 1)

    class Meta:
        model = AchievementPage


class MeetingFactory(DjangoModelFactory):
    page = None
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda obj: obj.starts_at + datetime.timedelta(hours=2))
    city = "Toronto"

    class Meta:
        model = Meeting


def add_leader(group, name=None, organisation=None, role=LeadershipRole.CO_CHAIR):
    """An approved person leading ``group`` (its default-language page) in ``role``: the membership
    record that the group page, the API and the roster all read."""
    from members.models import GroupMembership

    from .members import OrganisationFactory, make_person

    names = {"first_name": name.partition(" ")[0], "last_name": name.partition(" ")[2]} if name else {}
    person = make_person(organisation=OrganisationFactory(name=organisation) if organisation else None, **names)
    return GroupMembership.objects.create(
        user=person, group=group, role=role, status=GroupMembership.Status.ACTIVE, joined_at=timezone.now()
    )


def add_topics(page, topics):
    """Link ``topics`` to a group, project or achievement page."""
    link_model = {
        WorkingGroupPage: WorkingGroupTopic,
        ProjectPage: ProjectTopic,
        AchievementPage: AchievementTopic,
    }[type(page)]
    for topic in topics:
        link_model.objects.create(page=page, topic=topic)
