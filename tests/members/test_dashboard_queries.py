"""The members dashboard costs a fixed, small number of SQL queries, whatever the data.

The measured person is an approved member, a co-chair and an organisation administrator,
so every list of the dashboard has rows: my groups with their next meetings, my registrations
(for group meetings and for the Consultations, which belong to no group), their newest
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
from django.utils import timezone, translation
from django.utils.html import escape

from meetings.models import MeetingPage, Registration
from members.models import GroupMembership, GroupSettings, MemberProfile
from resources.models import Resource
from tests.factories.meetings import ConsultationPageFactory, MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.members import OrganisationFactory, add_membership, make_groups, make_person
from tests.factories.resources import ResourceFactory

pytestmark = pytest.mark.django_db

#: Session, user, the user's groups and permissions, profiles, memberships, groups, view
#: restrictions (which meetings are listed), meetings, the site (menu's cache key), my registrations
#: with their events' pages.
DASHBOARD_BUDGET = 10


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
        Registration.objects.create(
            event=MeetingPage.objects.child_of(group).first(), user=person, registered_at=timezone.now()
        )
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
        "registrations": html.count('/cancel/"'),
        "joinable": html.count('/join/"'),
        "requests": html.count('/accept/"'),
        "review": html.count('/approve/"'),
        "emails": html.count('/resend-decision/"'),
        "meetings": html.count("<time ") - html.count("resource-card__title") - html.count('/cancel/"'),
        "files": html.count("resource-card__title"),
    }


def registrations_section(html):
    """The « My registrations » list of the dashboard."""
    section = html[html.index('id="registrations-heading"') :]
    return section[: section.index("</section>")]


def badges(html, lang):
    """How many registrations ``html`` shows with each status, in the page's language."""
    with translation.override(lang):
        return {
            status.value: html.count(f'<span class="badge">{escape(status.label)}</span>')
            for status in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
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
    # The Consultations (in both languages), where the person is on the wait-list.
    index = MeetingIndexPageFactory(parent=site_tree["fr"])
    consultations = ConsultationPageFactory(parent=index)
    translation = consultations.copy_for_translation(site_tree["en"].locale, copy_parents=True)
    translation.title = "Spring Consultations"
    translation.save_revision().publish()
    Registration.objects.create(
        event=consultations, user=person, status=Registration.Status.WAITLISTED, registered_at=timezone.now()
    )
    grow(site_tree, person, organisation, first=0, times=1)
    # Neither a cancelled registration nor one for a meeting already over is listed.
    group = GroupMembership.objects.get(user=person).group
    later = MeetingPageFactory(parent=group, title="Annulée", starts_at=timezone.now() + datetime.timedelta(days=60))
    over = MeetingPageFactory(parent=group, title="Passée", starts_at=timezone.now() - datetime.timedelta(days=2))
    for event, status in ((later, Registration.Status.CANCELLED), (over, Registration.Status.CONFIRMED)):
        Registration.objects.create(event=event, user=person, status=status, registered_at=timezone.now())
    client = Client()
    client.force_login(person)
    return client, person, organisation


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dashboard_costs_the_same_with_ten_times_the_data(member, site_tree, lang):
    client, person, organisation = member
    url = f"/{lang}/members/"
    small, html = count(client, url)
    assert lists(html) == {
        "mine": 1,
        "registrations": 2,
        "joinable": 1,
        "requests": 1,
        "review": 1,
        "emails": 1,
        "meetings": 3,
        "files": 1,
    }
    registrations = registrations_section(html)
    assert badges(registrations, lang) == {"confirmed": 1, "waitlisted": 1}
    # The Consultations in the page's language, after the group meeting (soonest first).
    consultations = "Spring Consultations" if lang == "en" else "Consultations du printemps"
    assert registrations.index("Rencontre") < registrations.index(consultations)
    assert "Annulée" not in html and "Passée" not in html
    grow(site_tree, person, organisation, first=1, times=9)
    large, html = count(client, url)
    # Everything grown is on the page, once: the count did not stay flat by leaving rows out.
    assert lists(html) == {
        "mine": 10,
        "registrations": 11,
        "joinable": 10,
        "requests": 10,
        "review": 10,
        "emails": 10,
        "meetings": 30,
        "files": 5,
    }
    assert "Attente9" in html and "Demandeur9" in html
    assert badges(registrations_section(html), lang) == {"confirmed": 10, "waitlisted": 1}
    assert large == small
    assert large <= DASHBOARD_BUDGET


def test_a_new_resource_of_my_group_shows_on_a_warm_dashboard(member):
    client, person, _organisation = member
    group = GroupMembership.objects.filter(user=person).first().group
    client.get("/fr/members/")
    ResourceFactory(title="Ressource toute neuve", links={"groups": [group]})
    assert "Ressource toute neuve" in client.get("/fr/members/").content.decode()
