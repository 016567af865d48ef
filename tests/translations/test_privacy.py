"""A translation has its source's view restrictions at all times."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction
from wagtail_localize.operations import translate_object

# Wagtail's « logged-in users » restriction is kept as members-only (members.privacy).
MEMBERS_ONLY = [("groups", ["Members"])]


@pytest.fixture
def pair(french_page, locales, superuser):
    translate_object(french_page, [locales[1]], user=superuser)
    return french_page, french_page.get_translation(locales[1])


def restrictions(page):
    return [
        (restriction.restriction_type, sorted(restriction.groups.values_list("name", flat=True)))
        for restriction in PageViewRestriction.objects.filter(page=page)
    ]


def test_restricting_the_source_later_restricts_the_translation(pair):
    french, english = pair
    assert restrictions(english) == []
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    assert restrictions(english) == MEMBERS_ONLY


def test_group_changes_follow(pair):
    french, english = pair
    members, _ = Group.objects.get_or_create(name="Members")
    restriction = PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    assert restrictions(english) == [("groups", ["Members"])]
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    restriction.groups.clear()
    assert restrictions(english) == MEMBERS_ONLY


def test_lifting_the_source_restriction_lifts_the_translation(pair):
    french, english = pair
    restriction = PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    restriction.delete()
    assert restrictions(english) == []


def test_a_translation_cannot_be_made_more_public_than_its_source(pair):
    french, english = pair
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.get(page=english).delete()
    assert restrictions(english) == MEMBERS_ONLY


def test_a_translation_created_after_the_restriction_has_it(french_page, locales, superuser):
    PageViewRestriction.objects.create(page=french_page, restriction_type=PageViewRestriction.LOGIN)
    translate_object(french_page, [locales[1]], user=superuser)
    assert restrictions(french_page.get_translation(locales[1])) == MEMBERS_ONLY


def test_private_translation_is_not_served_to_visitors(pair, client, django_capture_on_commit_callbacks):
    french, english = pair
    english.save_revision().publish()
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(english.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_deleting_the_source_page_keeps_the_translation_private(pair):
    french, english = pair
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    french.delete()
    assert restrictions(english) == MEMBERS_ONLY
