"""The demo content is the seed, in French, with a real English translation."""

import html
import re
from pathlib import Path

import pytest

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from workinggroups.demo import ENGLISH, GROUPS
from workinggroups.models import (
    AchievementPage,
    ProjectPage,
    Topic,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

# A copy of the coalition's page (shared/seeds/working-groups.fr.md), kept with the app.
SEED = Path(__file__).resolve().parents[2] / "workinggroups" / "seeds" / "working-groups.fr.md"

WORKING_GROUP_TYPES = (WorkingGroupIndexPage, WorkingGroupPage, ProjectPage, AchievementPage)

# The session's demo content (tests/conftest.py). That loading it twice changes nothing is
# tests/home/test_demo_content.py's to check, for every model.
pytestmark = pytest.mark.usefixtures("demo_content")


def seed_lines():
    """Each non-empty line of the seed, without its Markdown marks."""
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"^[-•]\s*", "", line)
        line = line.replace("\\*", "\0").replace("**", "").replace("*", "").replace("\0", "*")
        line = re.sub(r"^•\s*", "", line).strip()
        if line:
            lines.append(line)
    return lines


def visible_text(response):
    """The text of <main>, tags removed, entities decoded, spaces collapsed."""
    assert response.status_code == 200
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(text))


def normalise(text):
    # Markup splits « <b>…</b>, » into « … , »: compare without spaces before punctuation.
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text))


def site_text(client, language):
    pages = Page.objects.live().type(*WORKING_GROUP_TYPES).filter(locale__language_code=language)
    assert pages.count() == 1 + 3 + 9 + 7
    return " ".join(normalise(visible_text(client.get(page.url))) for page in pages)


def _english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_every_line_of_the_seed_appears_on_the_french_site(client):
    text = site_text(client, "fr")
    lines = seed_lines()
    assert len(lines) > 60
    missing = [line for line in lines if normalise(line) not in text]
    assert missing == []


def test_no_french_text_on_the_english_pages(client):
    text = site_text(client, "en")
    french_texts = set(seed_lines()) | {source for source, english in ENGLISH.items() if source != english}
    # Tags in rich-text sources are not visible text; page slugs are in URLs, not in text.
    french_texts = {re.sub(r"<[^>]+>", "", source) for source in french_texts if "-" not in source or " " in source}
    found = sorted(source for source in french_texts if normalise(source) in text)
    assert found == []
    for interface_text in ("Enjeux abordés", "Exemples de projets en cours", "Réalisations", "Rencontres à venir"):
        assert interface_text not in text
    assert "Inland Protection" in text and "Get involved in a working group" in text


def test_every_page_is_published_and_translated_through_wagtail_localize(client):
    french_pages = list(Page.objects.type(*WORKING_GROUP_TYPES).filter(locale__language_code="fr").specific())
    assert len(french_pages) == 20
    for page in french_pages:
        assert page.live and not page.has_unpublished_changes, page
        english = page.get_translation(_english())
        assert english.live, english
        assert english.title != page.title
        source = TranslationSource.objects.get_for_instance(page)
        assert Translation.objects.filter(source=source, target_locale__language_code="en").exists()


def test_demo_has_the_seed_structure_and_upcoming_meetings(client):
    groups = WorkingGroupPage.objects.filter(locale__language_code="fr").order_by("path")
    assert [group.title for group in groups] == [group["title"] for group in GROUPS]
    topics = Topic.objects.filter(locale__language_code="fr")
    assert topics.count() == 9
    assert Topic.objects.filter(locale__language_code="en").count() == 9
    for group, data in zip(groups, GROUPS, strict=True):
        assert [link.topic.name for link in group.topic_links.all()] == data["topics"]
        assert [p.title for p in group.projects()] == [p["title"] for p in data["projects"]]
        assert {a.title for a in group.achievements()} == {a["title"] for a in data["achievements"]}
        assert group.upcoming_meetings, group
    english_inland = WorkingGroupPage.objects.get(locale__language_code="en", slug="inland-protection")
    assert [link.topic.name for link in english_inland.topic_links.all()] == [
        "Issues facing refugee claimants",
        "Immigration detention",
        "Removals",
    ]
    assert all(meeting.locale.language_code == "en" for meeting in english_inland.meetings.all())
    index = WorkingGroupIndexPage.objects.get(locale__language_code="fr")
    assert index.show_in_menus and index.get_parent().specific_class.__name__ == "HomePage"


def test_home_page_lists_groups_and_latest_achievements_in_each_language(client):
    french = visible_text(client.get("/fr/"))
    english = visible_text(client.get("/en/"))
    assert "Nos groupes de travail" in french and "Protection au Canada" in french
    assert "Our working groups" in english and "Overseas Protection and Resettlement" in english
    assert "Our latest achievements" in english and "Nos dernières réalisations" in french
    assert "Protection au Canada" not in english


def test_demo_leadership_is_the_demo_memberships_in_both_languages(client):
    """One set of co-chairs: those of the membership records, who also get the roster."""
    french = WorkingGroupPage.objects.get(locale__language_code="fr", slug="immigration-et-etablissement")
    english = WorkingGroupPage.objects.get(locale__language_code="en", slug="immigration-and-settlement")
    expected = [("Marie Tremblay", "co_chair"), ("James Chen", "co_chair")]
    for page in (french, english):
        leadership = client.get(f"/api/v3/pages/{page.pk}/").json()["leadership"]
        assert sorted((leader["display_name"], leader["role"]) for leader in leadership) == sorted(expected)
        html = client.get(page.url).content.decode()
        assert "Marie Tremblay" in html and "James Chen" in html
        assert "Amina Diallo" not in html and "Marc Tremblay" not in html
