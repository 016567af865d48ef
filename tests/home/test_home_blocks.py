"""The home page's blocks: each shows its items in both languages, lists nothing private, and
its cached copy is refreshed when what it lists changes."""

import datetime
import html
import re

import pytest

from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

from home.blocks import HomeStreamBlock
from meetings.models import MeetingPage
from resources.models import Resource
from tests.factories.resources import ResourceFactory
from workinggroups.models import AchievementPage, WorkingGroupPage

pytestmark = pytest.mark.usefixtures("demo_content")

SIGNUP = {"fr": "/fr/accounts/signup/", "en": "/en/accounts/signup/"}


def section(page_html, prefix):
    """The HTML of the home page's section whose heading id starts with ``prefix``."""
    found = re.search(rf'<section[^>]*aria-labelledby="{prefix}[^"]*".*?</section>', page_html, re.S)
    assert found, f"no {prefix} section"
    return html.unescape(found.group(0))


def home(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


def upcoming(language):
    now = timezone.now()
    return MeetingPage.objects.live().filter(locale__language_code=language, starts_at__gte=now).order_by("starts_at")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_block_shows_its_items_in_the_readers_language(client, language):
    page = home(client, language)
    groups = WorkingGroupPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True)
    assert groups.count() == 3
    expected_words = {
        "fr": ["Ensemble pour les droits des réfugiés", "Nos groupes de travail", "Prochaines rencontres"],
        "en": ["Together for the rights of refugees", "Our working groups", "Upcoming meetings"],
    }[language]
    for words in expected_words:
        assert words in html.unescape(page)

    lead = section(page, "home-lead")
    assert re.search(r"<h1[^>]*>", lead), "the lead shows the page's title as its heading"

    listed_groups = section(page, "home-groups-")
    for group in groups:
        assert group.title in listed_groups

    meetings = section(page, "home-meetings-")
    soonest = upcoming(language).first()
    assert soonest.title in meetings
    assert soonest.get_parent().title in meetings  # its group
    assert meetings.count('class="home-meeting"') == min(4, upcoming(language).count())  # the block's count

    resources = section(page, "home-resources-")
    newest_public = (
        Resource.objects.live()
        .filter(locale__language_code=language, audience=Resource.Audience.PUBLIC)
        .order_by("-date")
    )
    for resource in newest_public[:3]:
        assert resource.title in resources

    achievements = section(page, "home-achievements-")
    newest = AchievementPage.objects.live().filter(locale__language_code=language).order_by("-date").first()
    assert newest.title in achievements

    join = section(page, "call-to-join-")
    assert f'href="{SIGNUP[language]}"' in join


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_members_only_resource_is_listed(client, language):
    ResourceFactory(title="Note interne aux membres", slug="note-interne", date=datetime.date.today(),
                    audience=Resource.Audience.MEMBERS)  # fmt: skip
    ResourceFactory(title="Guide public tout neuf", slug="guide-public", date=datetime.date.today())
    resources = section(home(client, language), "home-resources-")
    assert "Guide public tout neuf" in resources  # untranslated: shown in French on the English page
    for title in Resource.objects.filter(audience=Resource.Audience.MEMBERS).values_list("title", flat=True):
        assert title not in resources


def test_a_private_group_and_its_meetings_leave_the_home_page(client):
    group = upcoming("fr").first().get_parent().specific
    restriction = PageViewRestriction.objects.create(page=group, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get_or_create(name="Members")[0])
    page = home(client, "fr")
    assert group.title not in section(page, "home-groups-")
    assert group.title not in section(page, "home-meetings-")


def test_the_cached_home_page_is_refreshed_when_a_meeting_or_a_resource_changes(client):
    home(client, "fr")
    assert client.get("/fr/")["X-Page-Cache"] == "hit"

    meeting = upcoming("fr").first()
    meeting.city, meeting.is_in_person = "Winnipeg", True
    meeting.save_revision().publish()
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert "Winnipeg" in section(response.content.decode(), "home-meetings-")

    ResourceFactory(title="Trousse d'accueil", slug="trousse-accueil", date=datetime.date.today())
    assert "Trousse d'accueil" in section(home(client, "fr"), "home-resources-")


def test_a_listing_block_renders_in_its_admin_preview_without_a_page(db):
    """The block preview has no page in its context: the active language's pages are listed."""
    block = HomeStreamBlock().child_blocks["working_groups"]
    request = RequestFactory().get("/")
    with translation.override("en"):
        rendered = block.render(block.to_python({"heading": "", "text": ""}), context={"request": request})
    assert "Our working groups" in rendered
    assert "Inland Protection" in rendered and "Protection au Canada" not in rendered
