"""What people see: allauth in the site's look, the dashboard, the group page panel, the roster CSV, the admin."""

import csv
import io

import pytest

from django.core import mail
from django.template import Context, Template
from django.test import Client, RequestFactory

from members.access import is_approved_member
from members.models import GroupMembership, MemberProfile
from tests.factories.members import add_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/fr/accounts/login/", "fr", "Connexion"), ("/en/accounts/signup/", "en", "Sign Up")],
)
def test_allauth_pages_use_the_site_look(client, site_tree, path, lang, heading):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html and 'class="skip-link"' in html
    assert heading in html


def test_signup_form_labels_every_field(client, site_tree):
    html = client.get("/fr/accounts/signup/").content.decode()
    fields = ["first_name", "last_name", "preferred_language", "organisation", "organisation_not_listed"]
    for field in (f"id_{name}" for name in fields):
        assert f'for="{field}"' in html
    assert "Mon organisme n&#x27;est pas encore dans la liste" in html


def test_dashboard_of_an_approved_member(people, groups):
    client = Client()
    user = people["approved"]
    add_membership(user, groups["open"])
    client.force_login(user)
    html = client.get("/en/members/").content.decode()
    assert "Détention (EN)" in html  # my group, in the page's language
    assert "Protection au Canada (EN)" in html  # a group I may join
    assert "Ask to join" in html  # it is on request
    assert "Leave this group" in html


def test_dashboard_shows_my_groups_next_meetings_and_calendar(people, groups):
    import datetime

    from django.utils import timezone

    from tests.factories.meetings import MeetingPageFactory

    group = groups["open"]
    MeetingPageFactory(parent=group, starts_at=timezone.now() + datetime.timedelta(days=20), city="Winnipeg")
    past = timezone.now() - datetime.timedelta(days=20)
    MeetingPageFactory(parent=group, starts_at=past, ends_at=past + datetime.timedelta(hours=2), city="Halifax")
    add_membership(people["approved"], group)
    client = Client()
    client.force_login(people["approved"])
    html = client.get("/fr/members/").content.decode()
    assert "Winnipeg" in html
    assert "Halifax" not in html  # past meetings are not "next"
    assert f'href="{group.get_ical_url()}"' in html


def test_org_admin_sees_pending_people_of_their_organisation_only(people):
    from tests.factories.members import make_person as person

    outsider = person(
        status=MemberProfile.Status.PENDING, organisation=people["other_organisation"], first_name="Xavier"
    )
    client = Client()
    client.force_login(people["org_admin"])
    html = client.get("/fr/members/").content.decode()
    assert people["pending"].first_name in html
    assert outsider.first_name not in html


def render_panel(user, page):
    request = RequestFactory().get(page.url)
    request.user = user
    return Template("{% load members_tags %}{% group_membership_panel page %}").render(
        Context({"request": request, "page": page})
    )


def test_group_panel_states(people, groups):
    from django.contrib.auth.models import AnonymousUser

    english_open = groups["open"].get_translation(groups["on_request"].get_translations().first().locale)
    assert "Se connecter pour se joindre" in render_panel(AnonymousUser(), groups["open"])
    assert "/members/" in render_panel(people["pending"], groups["open"])
    html = render_panel(people["approved"], english_open)
    assert f"/members/groups/{groups['open'].pk}/join/" in html  # the French source, from the English page
    assert "Demander à me joindre" in render_panel(people["approved"], groups["on_request"])
    add_membership(people["approved"], groups["open"])
    assert f"/members/groups/{groups['open'].pk}/leave/" in render_panel(people["approved"], groups["open"])
    assert "/roster/" in render_panel(people["co_chair"], groups["on_request"])


def test_roster_csv(people, groups):
    add_membership(people["approved"], groups["on_request"])
    add_membership(people["pending"], groups["on_request"], status=GroupMembership.Status.PENDING)
    client = Client()
    client.force_login(people["co_chair"])
    response = client.get(f"/fr/members/groups/{groups['on_request'].pk}/roster.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"].startswith("max-age=0")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Nom", "Courriel", "Organisme", "Rôle", "Membre depuis"]
    names = {row[0]: row for row in rows[1:]}
    assert set(names) == {people["approved"].get_full_name(), people["co_chair"].get_full_name()}
    assert names[people["co_chair"].get_full_name()][2:4] == ["Organisme A", "Coprésident-e"]


def test_staff_approve_from_the_wagtail_admin(people, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(people["staff"])
    listing = client.get("/admin/members/people/?status=pending")
    assert listing.status_code == 200
    assert people["pending"].email in listing.content.decode()
    assert people["approved"].email not in listing.content.decode()
    profile = people["pending"].member_profile
    edit_url = f"/admin/members/people/edit/{profile.pk}/"
    assert client.get(edit_url).status_code == 200
    data = {
        "organisation": profile.organisation_id,
        "organisation_not_listed": "",
        "status": "rejected",
        "rejection_reason": "",
    }
    assert client.post(edit_url, data).status_code == 200  # a rejection needs its reason
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {**data, "status": "approved"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == MemberProfile.Status.APPROVED and profile.reviewed_by == people["staff"]
    assert is_approved_member(type(profile.user).objects.get(pk=profile.user_id))
    assert [message.to for message in mail.outbox] == [[profile.user.email]]
    # A second reviewer saving the same decision (a form opened before the first was saved): no second email.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url, {**data, "status": "approved"}).status_code == 302
    assert mail.outbox == []


def test_admin_screens_answer(people, groups):
    client = Client()
    client.force_login(people["staff"])
    for path in [
        "/admin/members/organisations/",
        "/admin/members/organisations/new/",
        "/admin/members/memberships/",
        "/admin/members/memberships/new/",
        "/admin/members/join-policies/",
        f"/admin/members/people/?organisation={people['organisation'].pk}",
    ]:
        assert client.get(path).status_code == 200, path


def test_admin_membership_for_a_translation_is_stored_on_the_source(people, groups):
    english = groups["open"].get_translations().first()
    client = Client()
    client.force_login(people["staff"])
    response = client.post(
        "/admin/members/memberships/new/",
        {"user": people["pending"].pk, "group": english.pk, "role": "co_chair", "status": "active", "joined_at": ""},
    )
    assert response.status_code == 302
    membership = GroupMembership.objects.get(user=people["pending"])
    assert membership.group_id == groups["open"].pk
    assert membership.joined_at is not None


def test_make_person_helper_is_consistent():
    assert is_approved_member(make_person())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_account_pages_render_in_both_languages(people, lang):
    client = Client()
    client.force_login(people["approved"])
    for name in ["accounts/email/", "accounts/password/change/", "accounts/2fa/", "members/profile/", "members/"]:
        response = client.get(f"/{lang}/{name}")
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        assert 'class="account-nav"' in html, name
    anonymous = Client()
    for name in ["accounts/login/", "accounts/signup/", "accounts/password/reset/", "accounts/confirm-email/"]:
        assert anonymous.get(f"/{lang}/{name}").status_code == 200, name
