"""Meeting pages in both languages: the public sees date, place, theme and language; approved members
also see the documents, the minutes and what was decided; nobody sees the online link on a page."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from home.translation import translate_instance
from meetings.models import ConsultationPage, MeetingIndexPage, MeetingPage, WorkshopGroup, WorkshopPage
from members.models import MemberProfile
from tests.factories.meetings import ConsultationPageFactory, MeetingIndexPageFactory, WorkshopPageFactory, in_days
from tests.factories.members import make_person
from tests.factories.workinggroups import ProjectPageFactory
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish
from workinggroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/secret-room"
MEMBERS_ONLY = {"minutes": "<p>Procès-verbal secret</p>", "decisions": "<p>Décision réservée</p>"}


def main_html(response):
    assert response.status_code == 200
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


@pytest.fixture
def full_meeting(group):
    starts_at = in_days(20).replace(hour=18)  # 13 h in Toronto in winter, 14 h in summer: read from the page
    return meeting(
        group,
        title="Rencontre d'hiver",
        slug="hiver",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        venue="Salle Champlain",
        is_online=True,
        online_link=SECRET_LINK,
        interpretation=True,
        theme="Accès aux services",
        agenda=[("item", {"title": "Tour de table", "details": "", "project": None, "resource": None})],
        **MEMBERS_ONLY,
    )


def test_the_public_sees_date_place_theme_and_languages_but_nothing_members_only(client, full_meeting):
    html = main_html(client.get("/fr/groupes-de-travail/pac/hiver/"))
    for text in (
        "Rencontre d&#x27;hiver",
        "heure de l&#x27;Est",
        "Salle Champlain, Toronto",
        "Accès aux services",
        "français et anglais",
        "interprétation",
        "Tour de table",
        "Protection au Canada",
    ):
        assert text in html, text
    for text in ("Procès-verbal secret", "Décision réservée", SECRET_LINK, "Pour les membres"):
        assert text not in html, text


def test_an_approved_member_sees_minutes_and_decisions_but_never_the_link(client, full_meeting):
    client.force_login(make_person())
    html = main_html(client.get("/fr/groupes-de-travail/pac/hiver/"))
    assert "Procès-verbal secret" in html and "Décision réservée" in html
    assert SECRET_LINK not in html


def test_an_account_not_yet_approved_is_not_a_member(client, full_meeting):
    client.force_login(make_person(status=MemberProfile.Status.PENDING))
    html = main_html(client.get("/fr/groupes-de-travail/pac/hiver/"))
    assert "Procès-verbal secret" not in html


def test_the_english_page_is_a_translation_said_in_english(client, full_meeting, english_group, locales):
    _, english = locales
    translate_instance(
        full_meeting,
        english,
        {
            "Rencontre d'hiver": "Winter meeting",
            "hiver": "winter",
            "Toronto": "Toronto",
            "Salle Champlain": "Champlain Room",
            "Accès aux services": "Access to services",
            "Tour de table": "Round table",
            "Procès-verbal secret": "Secret minutes",
            "Décision réservée": "Reserved decision",
        },
    )
    html = main_html(client.get("/en/working-groups/inland-protection/winter/"))
    for text in (
        "Winter meeting",
        "(Eastern time)",
        "Champlain Room, Toronto",
        "French and English",
        "Round table",
        "Inland Protection",
    ):
        assert text in html, text
    assert "Secret minutes" not in html and SECRET_LINK not in html


def test_an_agenda_item_links_its_project(client, group):
    project = publish(ProjectPageFactory(parent=group, title="Plaidoyer", slug="plaidoyer"))
    meeting(
        group,
        slug="avec-projet",
        agenda=[("item", {"title": "Point", "details": "", "project": project, "resource": None})],
    )
    html = main_html(client.get("/fr/groupes-de-travail/pac/avec-projet/"))
    assert '<a href="/fr/groupes-de-travail/pac/plaidoyer/">Plaidoyer</a>' in html


def test_the_anonymous_meeting_page_is_cached_publicly_and_a_members_is_not(client, full_meeting):
    assert "public" in client.get(full_meeting.url)["Cache-Control"]
    client.force_login(make_person())
    assert "public" not in client.get(full_meeting.url).get("Cache-Control", "")


def test_a_meeting_must_be_somewhere_and_end_after_it_starts(group):
    page = MeetingPage(title="x", slug="x", starts_at=in_days(3), ends_at=in_days(2), is_in_person=False)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"ends_at", "is_online"}


def test_the_consultations_list_their_workshops_with_the_groups_preparing_them(client, site_tree, group):
    index = publish(MeetingIndexPageFactory(parent=site_tree["fr"]))
    consultation = publish(ConsultationPageFactory(parent=index, slug="consultations"))
    workshop = WorkshopPageFactory(parent=consultation, title="Atelier jeunesse", slug="jeunesse")
    workshop.preparing_groups = [WorkshopGroup(group=group)]
    publish(workshop)
    html = main_html(client.get("/fr/rencontres/consultations/"))
    assert "Atelier jeunesse" in html and "Protection au Canada" in html
    html = main_html(client.get("/fr/rencontres/consultations/jeunesse/"))
    assert '<a href="/fr/groupes-de-travail/pac/">Protection au Canada</a>' in html


class TreeRulesTests(WagtailPageTestCase):
    def test_where_each_page_type_goes(self):
        self.assertAllowedParentPageTypes(MeetingPage, {WorkingGroupPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())
        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(ConsultationPage, {WorkshopPage})
        self.assertAllowedParentPageTypes(WorkshopPage, {ConsultationPage})
        self.assertAllowedSubpageTypes(WorkshopPage, set())
