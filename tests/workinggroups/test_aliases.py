"""A page created in French gets an English alias (locale synchronisation) that carries
French text: English listings leave it out until someone translates it."""

import pytest

from tests.factories.workinggroups import ProjectPageFactory


@pytest.fixture
def english_alias_of_a_new_project(demo_content):
    from wagtail.models import Locale

    from workinggroups.models import WorkingGroupPage

    english = Locale.objects.get(language_code="en")
    group = WorkingGroupPage.objects.get(slug="protection-au-canada")
    project = ProjectPageFactory(parent=group, title="Projet seulement en français", slug="projet-francais")
    project.save_revision().publish()
    english_group = group.get_translation(english)
    alias = project.create_alias(parent=english_group, update_locale=english, update_slug="projet-francais")
    return english_group, alias


def test_english_group_page_does_not_list_the_alias(client, english_alias_of_a_new_project):
    english_group, alias = english_alias_of_a_new_project
    assert alias.live and alias.alias_of_id
    html = client.get(english_group.url).content.decode()
    assert "Projet seulement en français" not in html
    index_html = client.get(english_group.get_parent().url).content.decode()
    assert "Projet seulement en français" not in index_html


def test_an_english_alias_of_a_new_group_sends_visitors_to_the_french_group(client, demo_content):
    """Group pages are routable pages: the alias rule holds for them as for every other page."""
    from wagtail.models import Locale

    from tests.factories.workinggroups import WorkingGroupPageFactory
    from workinggroups.models import WorkingGroupIndexPage

    english = Locale.objects.get(language_code="en")
    index = WorkingGroupIndexPage.objects.get(locale__language_code="fr")
    group = WorkingGroupPageFactory(parent=index, title="Groupe seulement en français", slug="groupe-francais")
    group.save_revision().publish()
    alias = group.create_alias(parent=index.get_translation(english), update_locale=english)
    response = client.get(alias.url)
    assert response.status_code == 302
    assert response["Location"] == group.url
