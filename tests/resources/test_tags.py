"""{% group_resources %}: a group's newest resources, for its page and the members dashboard."""

import datetime

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from tests.factories.resources import ResourceFactory, make_working_group


def render(group, user=None, limit=5, language="fr"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    with translation.override(language):
        return Template("{% load resources_tags %}{% group_resources group limit=limit %}").render(
            Context({"request": request, "group": group, "limit": limit, "user": request.user})
        )


def test_newest_resources_of_the_group(site_tree, locales):
    group = make_working_group(site_tree["fr"], "Protection au Canada", "Inland Protection")
    other = make_working_group(site_tree["fr"], "Immigration et Établissement", "Immigration and Settlement")
    for year in (2020, 2021, 2022):
        ResourceFactory(title=f"Outil {year}", date=datetime.date(year, 1, 1), links={"groups": [group]})
    ResourceFactory(title="Outil d'un autre groupe", links={"groups": [other]})
    html = render(group, limit=2)
    assert "Outil 2022" in html and "Outil 2021" in html
    assert "Outil 2020" not in html and "autre groupe" not in html
    # The English group page finds the same resources.
    english_group = group.get_translation(locales[1])
    assert "Outil 2022" in render(english_group, limit=2, language="en")


def test_members_only_resources_show_with_a_lock_to_visitors(site_tree, visitors):
    group = make_working_group(site_tree["fr"], "Protection au Canada", "Inland Protection")
    ResourceFactory(title="Réservé", audience="members", links={"groups": [group]})
    assert 'class="lock-icon"' in render(group)
    assert 'class="lock-icon"' not in render(group, user=visitors["approved"])


def test_no_resources(site_tree):
    group = make_working_group(site_tree["fr"], "Protection au Canada", "Inland Protection")
    assert "Aucune ressource" in render(group)
