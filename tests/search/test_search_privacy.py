"""Drafts, unpublished and view-restricted pages never reach a visitor who could not open them."""

import re

import pytest

from members.access import members_group

HIDDEN_FROM_PUBLIC = {"Notes confidentielles", "Annexe secrète", "Compte rendu réservé"}
NEVER = {"Brouillon sur la détention", "Ancienne page sur la détention"}


def titles(client):
    html = client.get("/fr/search/", {"q": "détention"}).content.decode()
    return set(re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', html))


@pytest.mark.django_db
def test_anonymous_sees_only_public_live_pages(client, search_tree):
    found = titles(client)
    assert "Protection au Canada" in found
    assert not found & (HIDDEN_FROM_PUBLIC | NEVER)


@pytest.mark.django_db
def test_signed_in_account_that_is_not_a_member_sees_no_private_page(client, search_tree, django_user_model):
    # « Private » is for approved members (members.privacy): signing up is not enough.
    client.force_login(django_user_model.objects.create_user(email="someone@example.org", password="x"))
    found = titles(client)
    assert not found & HIDDEN_FROM_PUBLIC
    assert not found & NEVER


@pytest.mark.django_db
def test_approved_member_sees_members_pages_but_not_other_groups_ones(client, search_tree, django_user_model):
    user = django_user_model.objects.create_user(email="approved@example.org", password="x")
    user.groups.add(members_group())
    client.force_login(user)
    found = titles(client)
    assert {"Notes confidentielles", "Annexe secrète"} <= found
    assert "Compte rendu réservé" not in found
    assert not found & NEVER


@pytest.mark.django_db
def test_group_member_sees_group_restricted_pages(client, search_tree, django_user_model):
    user = django_user_model.objects.create_user(email="member@example.org", password="x")
    user.groups.add(search_tree.members_group, members_group())
    client.force_login(user)
    found = titles(client)
    assert HIDDEN_FROM_PUBLIC <= found
    assert not found & NEVER


@pytest.mark.django_db
def test_drafts_stay_hidden_even_from_superusers(client, search_tree, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="admin@example.org", password="x"))
    found = titles(client)
    assert HIDDEN_FROM_PUBLIC <= found
    assert not found & NEVER


@pytest.mark.django_db
def test_private_groups_are_not_offered_as_filters(client, search_tree, site_tree):
    search_tree.fr["overseas"].unpublish()
    html = client.get("/fr/search/").content.decode()
    assert "Protection au Canada" in html
    assert "Protection outremer" not in html


@pytest.mark.django_db
def test_a_resource_names_its_group_only_to_those_who_may_open_it(client, search_tree):
    from wagtail.models import PageViewRestriction

    from tests.factories.resources import ResourceFactory

    ResourceFactory(
        title="Guide sur la détention", description="Détention.", links={"groups": [search_tree.fr["inland"]]}
    )
    html = client.get("/fr/search/", {"q": "guide"}).content.decode()
    assert "Guide sur la détention" in html
    assert ">Protection au Canada</a>" in html
    PageViewRestriction.objects.create(page=search_tree.fr["inland"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/fr/search/", {"q": "guide"}).content.decode()
    assert "Guide sur la détention" in html
    assert "Protection au Canada" not in html
