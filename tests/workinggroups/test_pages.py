"""Group pages, projects and achievements render in both languages, in the right order."""

import datetime
import re

import pytest

from django.utils import timezone

from home.translation import translate_instance
from tests.factories.meetings import MeetingPageFactory
from tests.factories.workinggroups import (
    AchievementPageFactory,
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    add_leader,
    add_topics,
)
from tests.workinggroups.conftest import publish
from workinggroups.choices import ProjectStatus
from workinggroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


def main_html(response):
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


@pytest.fixture
def group(wg_index):
    group = publish(WorkingGroupPageFactory(parent=wg_index, title="Protection au Canada", slug="protection"))
    add_topics(group, [TopicFactory(name="Expulsion"), TopicFactory(name="Détention")])
    add_leader(group, "Amina Diallo", "Centre d'accueil")
    return publish(group)


def test_group_page_shows_topics_leaders_meetings_and_children(client, group):
    publish(MeetingPageFactory(parent=group, city="Montréal", at_consultations=True, theme="À huis clos."))
    past = timezone.now() - datetime.timedelta(days=10)
    publish(
        MeetingPageFactory(
            parent=group, starts_at=past, ends_at=past + datetime.timedelta(hours=2), city="Ville passée"
        )
    )
    ProjectPageFactory(parent=group, title="Plaidoyer sur la détention")
    AchievementPageFactory(parent=group, title="Lettre ouverte")
    html = main_html(client.get("/fr/groupes-de-travail/protection/"))
    for text in (
        "Protection au Canada",
        "Expulsion",
        "Détention",
        "Amina Diallo",
        "Centre d&#x27;accueil",
        "Coprésident",
        "Montréal",
        "Aux Consultations",
        "À huis clos.",
        "Plaidoyer sur la détention",
        "Lettre ouverte",
        "Enjeux abordés",
    ):
        assert text in html, text
    assert "Ville passée" not in html  # past meetings stay in the admin, not in « upcoming »
    assert 'href="/fr/groupes-de-travail/protection/calendar/"' in html


def test_anonymous_visitor_is_invited_to_sign_in_or_become_a_member(client, group):
    html = main_html(client.get("/fr/groupes-de-travail/protection/"))
    assert 'href="/fr/accounts/login/?next=/fr/groupes-de-travail/protection/"' in html
    assert 'href="/fr/accounts/signup/"' in html


def test_projects_ongoing_first_and_achievements_newest_first(client, group):
    ProjectPageFactory(parent=group, title="Projet terminé", status=ProjectStatus.COMPLETED)
    ProjectPageFactory(parent=group, title="Projet en cours A")
    ProjectPageFactory(parent=group, title="Projet en cours B", start_date=datetime.date(2024, 5, 1))
    AchievementPageFactory(parent=group, title="Ancienne", date=datetime.date(2019, 1, 1))
    AchievementPageFactory(parent=group, title="Récente", date=datetime.date(2024, 1, 1))
    AchievementPageFactory(parent=group, title="Sans date", date=None)
    page = WorkingGroupPage.objects.get(pk=group.pk)
    assert [p.title for p in page.projects()] == ["Projet en cours B", "Projet en cours A", "Projet terminé"]
    assert [a.title for a in page.achievements()] == ["Récente", "Ancienne", "Sans date"]
    html = main_html(client.get("/fr/groupes-de-travail/protection/"))
    assert html.index("Projet en cours B") < html.index("Projet en cours A") < html.index("Projet terminé")
    assert html.index("Récente") < html.index("Ancienne")


def test_drafts_and_unpublished_pages_stay_invisible(client, group, wg_index):
    draft = ProjectPageFactory(parent=group, title="Projet brouillon", slug="brouillon", live=False)
    gone = AchievementPageFactory(parent=group, title="Réalisation retirée", slug="retiree")
    gone.unpublish()
    hidden_group = WorkingGroupPageFactory(parent=wg_index, title="Groupe non publié", slug="cache")
    hidden_group.unpublish()
    for url in ("/fr/groupes-de-travail/", "/fr/groupes-de-travail/protection/", "/fr/"):
        html = client.get(url).content.decode()
        for title in ("Projet brouillon", "Réalisation retirée", "Groupe non publié"):
            assert title not in html, (url, title)
    assert client.get(draft.url or "/fr/groupes-de-travail/protection/brouillon/").status_code == 404
    assert client.get("/fr/groupes-de-travail/protection/retiree/").status_code == 404
    assert client.get("/fr/groupes-de-travail/cache/").status_code == 404


def test_project_and_achievement_pages_show_their_facts(client, group):
    project = ProjectPageFactory(
        parent=group,
        title="Plaidoyer",
        slug="plaidoyer",
        ways_addressed=["legal_action", "resolution"],
        start_date=datetime.date(2023, 2, 1),
    )
    add_topics(project, [TopicFactory(name="Expulsion bis")])
    ProjectPageFactory(parent=group, title="Autre projet", slug="autre")
    achievement = AchievementPageFactory(
        parent=group,
        title="Outil",
        slug="outil",
        kind="tool",
        impact_areas=["public_awareness"],
        link_url="https://example.org/outil",
    )
    html = main_html(client.get(project.url))
    # Labels follow the order of the choices, whatever the order they were ticked in.
    assert html.index("Résolution") < html.index("Action en justice")
    for text in ("En cours", "février 2023", "Expulsion bis", "Autre projet", "Protection au Canada"):
        assert text in html, text
    assert 'aria-current="page"' in client.get(project.url).content.decode()  # breadcrumbs
    html = main_html(client.get(achievement.url))
    for text in ("Outil pratique", "Sensibilisation du public", 'href="https://example.org/outil"'):
        assert text in html, text


def test_english_group_page_reads_in_english(client, group, locales):
    french, english = locales
    index = group.get_parent().specific
    translate_instance(
        index, english, {"Les groupes de travail": "Working groups", "groupes-de-travail": "working-groups"}
    )
    for link in group.topic_links.all():
        translate_instance(link.topic, english, {"Expulsion": "Removals", "Détention": "Detention"})
    translate_instance(
        group,
        english,
        {
            "Protection au Canada": "Inland Protection",
            "protection": "inland-protection",
            "Un groupe de travail.": "A working group.",
            "Trois fois par année.": "Three times a year.",
        },
    )
    response = client.get("/en/working-groups/inland-protection/")
    html = main_html(response)
    assert response.status_code == 200
    for text in (
        "Inland Protection",
        "Removals",
        "Detention",
        "Amina Diallo",
        "Centre d&#x27;accueil",  # an organisation's name, like a person's, is the same in both languages
        "Co-chair",
        "Issues addressed",
        "Sign in",
        "Become a member",
    ):
        assert text in html, text
    for text in ("Protection au Canada", "Expulsion", "Coprésident", "Enjeux abordés"):
        assert text not in html, text


def test_search_finds_a_group_by_its_topic(group):
    results = WorkingGroupPage.objects.live().filter(locale=group.locale).search("Expulsion")
    assert [page.pk for page in results] == [group.pk]
    assert list(WorkingGroupPage.objects.live().search("Introuvable")) == []
