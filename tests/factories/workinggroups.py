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
    WorkingGroupLeader,
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


class WorkingGroupLeaderFactory(DjangoModelFactory):
    page = None
    role = LeadershipRole.CO_CHAIR
    name = factory.Sequence(lambda n: f"Personne {n}")

    class Meta:
        model = WorkingGroupLeader


def add_topics(page, topics):
    """Link ``topics`` to a group, project or achievement page."""
    link_model = {
        WorkingGroupPage: WorkingGroupTopic,
        ProjectPage: ProjectTopic,
        AchievementPage: AchievementTopic,
    }[type(page)]
    for topic in topics:
        link_model.objects.create(page=page, topic=topic)
