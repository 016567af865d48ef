"""The members dashboard costs a fixed, small number of SQL queries, whatever the data.

The measured person is an approved member, a co-chair and an organisation administrator,
so every list of the dashboard has rows: my groups with their next meetings, their newest
resources, the groups I may join, requests to join my group, people waiting for my approval
and decisions whose email is still to be sent. Measured once, then with about ten times
as much of each: the count is the same, and at most ``DASHBOARD_BUDGET``. "Warm" as on every
request but the first after a change: the shared fragments (menu, footer, the groups'
resources) are in the cache.
"""

import datetime

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.models import GroupMembership, GroupSettings, MemberProfile
from resources.models import Resource
from tests.factories.meetings import MeetingPageFactory
from tests.factories.members import OrganisationFactory, add_membership, make_groups, make_person
from tests.factories.resources import ResourceFactory

pytestmark = pytest.mark.django_db

#: Session, user, the user's groups, permissions (two), profiles, memberships, groups, view
#: restrictions (which meetings are listed), meetings, my registrations for meetings.
DASHBOARD_BUDGET = 12


def grow(site_tree, person, organisation, first, times):
    """``times`` more of everything the dashboard lists, numbered from ``first``."""
    numbers = range(first, first + times)
    mine = make_groups(site_tree, *((f"groupe-{n}", f"Groupe {n}", GroupSettings.JoinPolicy.OPEN) for n in numbers))
    make_groups(site_tree, *((f"ouvert-{n}", f"Ouvert {n}", GroupSettings.JoinPolicy.ON_REQUEST) for n in numbers))
    soon = timezone.now() + datetime.timedelta(days=10)
    for n, group in zip(numbers, mine, strict=True):
        add_membership(person, group, role=GroupMembership.Role.CO_CHAIR)
        for page in (group, group.get_translations().get()):
            for day in range(3):
                MeetingPageFactory(parent=page, locale=page.locale, starts_at=soon + datetime.timedelta(days=day))
        ResourceFactory(title=f"Ressource {n}", links={"groups": [group]}, audience=Resource.Audience.MEMBERS)
        asking = make_person(organisation=OrganisationFactory(), first_name=f"Demandeur{n}")
        add_membership(asking, group, status=GroupMembership.Status.PENDING)
        make_person(status=MemberProfile.Status.PENDING, organisation=organisation, first_name=f"Attente{n}")
        refused = make_person(status=MemberProfile.Status.REJECTED, organisation=organisation)
        MemberProfile.objects.filter(user=refused).update(decision_email_pending=True, reviewed_at=timezone.now())


def lists(html):
    """How many rows each list of the dashboard shows (forms and links, in either language)."""
    return {
        "mine": html.count('/leave/"'),
        "joinable": html.count('/join/"'),
        "requests": html.count('/accept/"'),
        "review": html.count('/approve/"'),
        "emails": html.count('/resend-decision/"'),
        "meetings": html.count("<time ") - html.count("resource-card__title"),
        "files": html.count("resource-card__title"),
    }


def count(client, url):
    client.get(url)  # fills the shared fragments
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def member(site_tree):
    organisation = OrganisationFactory(name="Organisme mesuré")
    person = make_person(organisation=organisation, first_name="Mesurée")
    organisation.administrators.add(person)
    grow(site_tree, person, organisation, first=0, times=1)
    client = Client()
    client.force_login(person)
    return client, person, organisation


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dashboard_costs_the_same_with_ten_times_the_data(member, site_tree, lang):
    client, person, organisation = member
    url = f"/{lang}/members/"
    small, html = count(client, url)
    assert lists(html) == {"mine": 1, "joinable": 1, "requests": 1, "review": 1, "emails": 1, "meetings": 3, "files": 1}
    grow(site_tree, person, organisation, first=1, times=9)
    large, html = count(client, url)
    # Everything grown is on the page, once: the count did not stay flat by leaving rows out.
    assert lists(html) == {
        "mine": 10,
        "joinable": 10,
        "requests": 10,
        "review": 10,
        "emails": 10,
        "meetings": 30,
        "files": 5,
    }
    assert "Attente9" in html and "Demandeur9" in html
    assert large == small
    assert large <= DASHBOARD_BUDGET


def test_a_new_resource_of_my_group_shows_on_a_warm_dashboard(member):
    client, person, _organisation = member
    group = GroupMembership.objects.filter(user=person).first().group
    client.get("/fr/members/")
    ResourceFactory(title="Ressource toute neuve", links={"groups": [group]})
    assert "Ressource toute neuve" in client.get("/fr/members/").content.decode()
