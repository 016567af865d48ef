"""Every public page renders in a fixed, small number of SQL queries, whatever the data.

The demo content is measured, then grown about ten times (groups, projects,
achievements, topics, meetings, leaders, resources and memberships, on the measured
pages themselves and around them), then measured again: the counts must be the same,
and each stays under its ceiling. The whole-page cache is off, as for a signed-in
member or a first visitor; "warm" means the shared fragments (menu, footer, language
links, breadcrumbs, locales) are in the cache, as they are on every
request but the first after a publish. "After a publish" is measured too: every
fragment recomputed (see docs/performance.md for what each query is).
"""

import datetime

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.targets import bench_member
from core.caching import version
from meetings.models import ConsultationPage, MeetingIndexPage, MeetingPage, WorkshopGroup, WorkshopPage
from members.models import GroupMembership
from resolutions.models import ResolutionIndexPage, ResolutionPage
from resources.models import Resource
from tests.factories.meetings import MeetingPageFactory, WorkshopPageFactory
from tests.factories.resolutions import grow_resolutions
from tests.factories.resources import ResourceFactory
from tests.factories.workinggroups import (
    AchievementPageFactory,
    MeetingFactory,
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    add_leader,
    add_topics,
)
from workinggroups.models import AchievementPage, ProjectPage, Topic, WorkingGroupIndexPage, WorkingGroupPage

pytestmark = pytest.mark.django_db

#: The most queries each page may cost, fragments warm (page cache off). Wagtail finds the site,
#: routes the path (two queries a level) and checks the view restrictions on every page it serves
#: (docs/performance.md); the same with or without a shared cache. A page's picture costs two
#: (the image, its renditions); the home page's blocks list groups with their pictures, meetings,
#: resources and achievements, one query each.
WARM_CEILING = {
    "home page": 18,
    "standard page": 10,
    "group index": 15,
    "group page": 16,
    "group page, signed in": 29,
    "project page": 16,
    "achievement page": 17,
    "library, filtered": 12,
    "resource page": 12,
    "search": 16,
    "search, resources": 10,
    "members dashboard": 10,  # with my registrations, read with their events' pages in one query
    # Wagtail's anonymous listing reads the groups of each view restriction in a query of its own:
    # the demo's resolutions that are not public (each language's page restricted) add eight.
    "API pages list": 16,
    "meeting page": 15,
    "meeting page, signed in": 25,  # 22, plus the registration panel: mine, the group, who runs it
    "meetings listing": 15,
    "meetings listing, filtered": 16,
    "Consultations page": 13,
    "workshop page": 13,
    "resolutions database": 15,
    "resolutions database, filtered": 16,
    "resolution page": 15,
}
#: Pages measured for the signed-in member (the others for an anonymous visitor).
SIGNED_IN = {"members dashboard", "group page, signed in", "meeting page, signed in"}
#: Right after a publish (every fragment recomputed), a group page stays within 31: staff's menu
#: (1 query) and the footer's page links (2: the view restrictions, the pages) are computed too.
GROUP_PAGE_AFTER_PUBLISH = 31


def french(model):
    return model.objects.live().filter(locale__language_code="fr", alias_of__isnull=True).order_by("path")


def targets():
    from home.models import StandardPage

    group = french(WorkingGroupPage).first()
    resource = Resource.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    meeting = french(MeetingPage).filter(minutes__gt="").first()
    consultation = french(ConsultationPage).first()
    resolutions = french(ResolutionIndexPage).first()
    return {
        "home page": "/fr/",
        "standard page": french(StandardPage).first().url,
        "group index": french(WorkingGroupIndexPage).first().url,
        "group page": group.url,
        "group page, signed in": group.url,
        "project page": french(ProjectPage).child_of(group).first().url,
        "achievement page": french(AchievementPage).child_of(group).first().url,
        "library, filtered": f"/fr/resources/?audience=public&sort=newest&working_group={group.pk}",
        "resource page": resource.get_url(),
        "search": "/fr/search/?q=r%C3%A9installation",
        "search, resources": "/fr/search/?q=r%C3%A9installation&type=resources.resource",
        "members dashboard": "/fr/members/",
        "API pages list": "/api/v3/pages/?locale=fr",
        "meeting page": meeting.url,
        "meeting page, signed in": meeting.url,
        "meetings listing": french(MeetingIndexPage).first().url,
        "meetings listing, filtered": f"{french(MeetingIndexPage).first().url}?group={group.pk}&attendance=in-person",
        "Consultations page": consultation.url,
        "workshop page": french(WorkshopPage).child_of(consultation).first().url,
        "resolutions database": resolutions.url,
        "resolutions database, filtered": f"{resolutions.url}?year=2022&group={group.pk}&outcome=adopted",
        "resolution page": french(ResolutionPage).filter(record__number="2022-01").first().url,
    }


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(urls, anonymous, member):
    counts = {}
    for label, url in urls.items():
        client = member if label in SIGNED_IN else anonymous
        client.get(url)  # fills the fragments
        counts[label] = count(client, url)
    return counts


def grow_tenfold(member):
    """About ten times the demo's groups, and ten times the children of the measured group."""
    fr_topics = list(Topic.objects.filter(locale__language_code="fr"))
    index = french(WorkingGroupIndexPage).first()
    group = french(WorkingGroupPage).first()
    now = timezone.now()
    new_groups = []
    for number in range(27):
        other = WorkingGroupPageFactory(parent=index, slug=f"groupe-budget-{number}", locale=index.locale)
        add_topics(other, [TopicFactory(locale=index.locale), TopicFactory(locale=index.locale)])
        ProjectPageFactory(parent=other, slug=f"projet-budget-{number}", locale=index.locale)
        AchievementPageFactory(parent=other, slug=f"realisation-budget-{number}", locale=index.locale)
        MeetingFactory(page=other, locale=index.locale)
        MeetingPageFactory(parent=other, slug=f"rencontre-budget-{number}", locale=index.locale)
        new_groups.append(other)
    for number in range(20):
        project = ProjectPageFactory(parent=group, slug=f"projet-du-groupe-{number}", locale=group.locale)
        add_topics(project, fr_topics[:2])
        AchievementPageFactory(parent=group, slug=f"realisation-du-groupe-{number}", locale=group.locale)
        MeetingFactory(page=group, starts_at=now + datetime.timedelta(days=number + 1), locale=group.locale)
        soon = now + datetime.timedelta(days=number + 1)
        MeetingPageFactory(parent=group, slug=f"a-venir-{number}", starts_at=soon, locale=group.locale)
        long_ago = now - datetime.timedelta(days=number + 400)
        MeetingPageFactory(
            parent=group,
            slug=f"passee-{number}",
            starts_at=long_ago,
            ends_at=long_ago + datetime.timedelta(hours=2),
            is_online=True,
            locale=group.locale,
        )
        add_leader(group)
    consultation = french(ConsultationPage).first()
    for number in range(20):
        workshop = WorkshopPageFactory(parent=consultation, slug=f"atelier-budget-{number}", locale=consultation.locale)
        workshop.preparing_groups = [WorkshopGroup(group=group), WorkshopGroup(group=new_groups[number])]
        workshop.save()
    add_topics(group, [TopicFactory(locale=group.locale) for _ in range(10)])
    for number in range(60):
        ResourceFactory(
            title=f"Ressource réinstallation {number}",
            slug=f"ressource-budget-{number}",
            audience=Resource.Audience.MEMBERS if number % 3 == 0 else Resource.Audience.PUBLIC,
            links={"topics": fr_topics[:3], "groups": [group, new_groups[number % len(new_groups)]]},
        )
    grow_resolutions(group, new_groups, fr_topics)
    for other in new_groups:
        GroupMembership.objects.create(
            user=member, group=other, status=GroupMembership.Status.ACTIVE, joined_at=timezone.now()
        )


@pytest.fixture
def clients(demo_content, settings):
    from home.models import HomePage, StandardPage

    settings.PAGE_CACHE_ENABLED = False
    home = HomePage.objects.get(locale__language_code="fr")
    about = home.add_child(instance=StandardPage(title="À propos", slug="a-propos", introduction="La coalition."))
    about.save_revision().publish()
    member = bench_member()
    signed_in = Client()
    signed_in.force_login(member)
    return Client(), signed_in, member


def test_every_page_costs_the_same_with_ten_times_the_data(clients):
    anonymous, signed_in, member = clients
    urls = targets()
    small = measure(urls, anonymous, signed_in)
    grow_tenfold(member)
    large = measure(urls, anonymous, signed_in)
    # Search results of all kinds read each kind's fields in one query per kind of page
    # among the ten shown (Wagtail's specific()): bounded by the kinds, not the data.
    # Narrowed to one kind, the count is exact.
    assert large.pop("search") <= WARM_CEILING["search"]
    small.pop("search")
    assert large == small
    over = {label: queries for label, queries in large.items() if queries > WARM_CEILING[label]}
    assert not over, f"over the ceiling: {over} (ceilings {WARM_CEILING})"


def test_group_page_after_a_publish(clients):
    """Every fragment recomputed (the version was bumped): still within 31; warm within 16."""
    anonymous, _signed_in, _member = clients
    url = targets()["group page"]
    anonymous.get(url)
    version.bump()
    after_publish = count(anonymous, url)
    warm = count(anonymous, url)
    assert after_publish <= GROUP_PAGE_AFTER_PUBLISH
    assert warm <= WARM_CEILING["group page"]
    # What the fragments save: the difference is the menu, footer, language links,
    # breadcrumbs and the anonymous resources panel.
    assert after_publish - warm >= 5
