"""Groups, projects and achievements of the demo: several paragraphs and a picture with its
alternative text in both languages; project and achievement pages laid out as articles."""

import html
import re

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from resources.models import Resource
from workinggroups.models import AchievementPage, ProjectPage, WorkingGroupPage

pytestmark = pytest.mark.usefixtures("demo_content")

PAGE_TYPES = (WorkingGroupPage, ProjectPage, AchievementPage)


def demo_pages(language):
    for model in PAGE_TYPES:
        yield from model.objects.live().filter(locale__language_code=language, alias_of__isnull=True)


def paragraphs(page):
    text = page.summary if isinstance(page, WorkingGroupPage) else str(page.body)
    return re.findall(r"<p>(.+?)</p>", text, re.S)


def imgs(page_html):
    return [
        {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)}
        for tag in re.findall(r"<img([^>]*)>", page_html)
    ]


def test_every_group_project_and_achievement_has_text_and_a_described_picture_in_both_languages():
    french = {page.translation_key: page for page in demo_pages("fr")}
    english = {page.translation_key: page for page in demo_pages("en")}
    assert len(french) == 3 + 9 + 7  # groups, projects, achievements
    assert english.keys() == french.keys()
    for key, page in french.items():
        translation = english[key]
        assert len(paragraphs(page)) >= 3, page
        assert len(paragraphs(translation)) == len(paragraphs(page)), translation
        assert not set(paragraphs(translation)) & set(paragraphs(page)), f"{translation} has French paragraphs"
        # One picture for both languages, described in each.
        assert page.image_id and translation.image_id == page.image_id, page
        assert page.image_alt.strip() and translation.image_alt.strip(), page
        assert translation.image_alt != page.image_alt, f"{translation}'s alternative text is not translated"


def test_achievements_link_their_resource_in_each_language():
    from resources.demo import RESOURCES

    linked = {data["achievement"]: data for data in RESOURCES if data.get("achievement")}
    assert linked
    for slug, data in linked.items():
        french = AchievementPage.objects.get(locale__language_code="fr", slug=slug)
        english = french.get_translation(french.get_translations().get().locale).specific
        assert french.resource.slug == data["fr"]["slug"]
        with_language = {"fr": french, "en": english}
        for language, page in with_language.items():
            with translation.override(language):
                page = AchievementPage.objects.get(pk=page.pk)
                assert page.listed_resource.slug == data[language]["slug"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_project_page_reads_as_an_article(client, language):
    project = ProjectPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True).first()
    response = client.get(project.url)
    page_html = response.content.decode()
    facts = re.search(r'<aside class="article__facts".*?</aside>', page_html, re.S).group(0)
    text = html.unescape(re.sub(r"<[^>]+>", " ", facts))
    assert project.get_status_display() in text
    assert project.get_parent().title in text
    for way in project.ways_addressed_labels():
        assert str(way) in text
    for link in project.topic_links.select_related("topic"):
        assert link.topic.name in text
    assert re.search(r"\d{4}", text), "the project's dates"
    main = re.search(r'<div class="article__main">.*?</div>\s*</div>', page_html, re.S).group(0)
    for paragraph in paragraphs(project):
        assert paragraph in main
    # The picture opens the article: loaded at once, described in the page's language.
    (picture,) = imgs(main)
    assert picture["alt"] == project.image_alt and "loading" not in picture
    related = re.search(r'<nav class="wg-related".*?</nav>', page_html, re.S).group(0)
    siblings = ProjectPage.objects.sibling_of(project, inclusive=False).live().filter(alias_of__isnull=True)
    assert siblings and all(html.escape(sibling.title, quote=True) in related for sibling in siblings)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_achievement_page_gives_its_facts_resource_and_related_achievements(client, language):
    slug = {"fr": "outil-residence-secteur-sante", "en": "health-care-residence-tool"}[language]
    achievement = AchievementPage.objects.get(locale__language_code=language, slug=slug)
    page_html = html.unescape(client.get(achievement.url).content.decode())
    facts = re.search(r'<aside class="article__facts".*?</aside>', page_html, re.S).group(0)
    assert achievement.get_kind_display() in facts
    assert achievement.date.isoformat() in facts
    for area in achievement.impact_area_labels():
        assert str(area) in facts
    resource = Resource.objects.get(
        locale__language_code=language, translation_key=achievement.resource.translation_key
    )
    assert f'href="{resource.get_url()}"' in facts and resource.title in facts
    assert "Other achievements of this group" in page_html or "Autres réalisations de ce groupe" in page_html


def source_types(page_html):
    """The ``type`` of each ``<source>`` of each content picture, picture by picture."""
    main = page_html[page_html.index("<main") :]
    return [
        re.findall(r'<source[^>]* type="([^"]+)"', picture)
        for picture in re.findall(r"<picture>.*?</picture>", main, re.S)
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pictures_are_described_and_lazy_below_the_first_screen(client, language):
    group = WorkingGroupPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True).first()
    group_html = client.get(group.url).content.decode()
    (picture,) = [img for img in imgs(group_html) if "srcset" in img]
    # AVIF first where the browser reads it, then WebP; JPEG in the <img>.
    assert source_types(group_html) == [["image/avif", "image/webp"]]
    # Below the group's summary: lazily.
    assert picture["alt"] == group.image_alt and picture["loading"] == "lazy"

    home = client.get(f"/{language}/").content.decode()
    assert {tuple(types) for types in source_types(home)} == {("image/avif", "image/webp")}
    lead, *cards = [img for img in imgs(home) if "srcset" in img]
    assert lead["alt"] and "loading" not in lead and lead["fetchpriority"] == "high"
    groups = WorkingGroupPage.objects.live().filter(locale__language_code=language, alias_of__isnull=True)
    assert sorted(card["alt"] for card in cards) == sorted(group.image_alt for group in groups)
    assert all(card["loading"] == "lazy" for card in cards)


def test_a_picture_without_a_description_is_refused():
    project = ProjectPage.objects.live().filter(locale__language_code="fr").first()
    project.image_alt = " "
    with pytest.raises(ValidationError, match="image"):
        project.full_clean()
