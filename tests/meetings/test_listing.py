"""The meetings listing: upcoming meetings across groups, filterable by group and by in person / online,
past meetings apart; a filter value the form refuses is a 400 that says so in the visitor's language."""

import datetime
import re

import pytest

from tests.factories.meetings import MeetingIndexPageFactory, in_days
from tests.factories.workinggroups import WorkingGroupPageFactory
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(site_tree, group, wg_index):
    other = publish(WorkingGroupPageFactory(parent=wg_index, title="Immigration", slug="ie"))
    meeting(group, title="Toronto en personne", city="Toronto")
    meeting(group, title="En ligne seulement", is_in_person=False, city="", is_online=True)
    meeting(other, title="Montréal hybride", city="Montréal", is_online=True)
    past = in_days(-20)
    meeting(group, title="Déjà passée", starts_at=past, ends_at=past + datetime.timedelta(hours=2))
    meeting(other, title="Brouillon").unpublish()
    publish(MeetingIndexPageFactory(parent=site_tree["fr"]))
    return group, other


def section(html, heading):
    """The titles listed in the section under ``heading``."""
    part = re.search(rf'<section aria-labelledby="{heading}">(.*?)</section>', html, re.S).group(1)
    return re.findall(r'class="wg-meeting__title"><a href="[^"]+">([^<]+)</a>', part)


def test_upcoming_and_past_meetings_are_listed_apart_soonest_first(client, listing):
    response = client.get("/fr/rencontres/")
    assert response.status_code == 200
    html = response.content.decode()
    assert section(html, "upcoming-title") == ["Toronto en personne", "En ligne seulement", "Montréal hybride"]
    assert section(html, "past-title") == ["Déjà passée"]
    assert "Brouillon" not in html
    assert "public" in response["Cache-Control"]


def test_filter_by_group_and_by_how(client, listing):
    group, other = listing
    html = client.get("/fr/rencontres/", {"group": other.pk}).content.decode()
    assert section(html, "upcoming-title") == ["Montréal hybride"]
    html = client.get("/fr/rencontres/", {"attendance": "online"}).content.decode()
    assert section(html, "upcoming-title") == ["En ligne seulement", "Montréal hybride"]
    html = client.get("/fr/rencontres/", {"attendance": "in-person", "group": group.pk}).content.decode()
    assert section(html, "upcoming-title") == ["Toronto en personne"]
    assert section(html, "past-title") == ["Déjà passée"]


@pytest.mark.parametrize(
    ("path", "message"),
    [("/fr/rencontres/", "Sélectionnez un choix valide"), ("/en/meetings/", "Select a valid choice")],
)
def test_a_refused_filter_is_a_400_with_a_message_in_the_visitors_language(client, listing, path, message, locales):
    from home.translation import translate_instance
    from meetings.models import MeetingIndexPage

    _, english = locales
    translate_instance(MeetingIndexPage.objects.get(), english, {"Rencontres": "Meetings", "rencontres": "meetings"})
    for query in ({"group": "999999"}, {"attendance": "by-pigeon"}, {"group": "abc"}):
        response = client.get(path, query)
        assert response.status_code == 400, query
        assert message in response.content.decode()
        assert "public" not in response.get("Cache-Control", "")


def test_a_group_from_the_other_language_is_refused(client, listing, english_group):
    response = client.get("/fr/rencontres/", {"group": english_group.pk})
    assert response.status_code == 400


def test_the_group_page_lists_its_upcoming_meetings_with_links(client, listing):
    html = client.get("/fr/groupes-de-travail/pac/").content.decode()
    assert "Toronto en personne" in html and "En ligne seulement" in html
    assert "Montréal hybride" not in html and "Déjà passée" not in html
    assert 'href="/fr/groupes-de-travail/pac/' in html
