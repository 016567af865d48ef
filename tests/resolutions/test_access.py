"""A draft resolution is for approved members only, by every way in; adopted, it is public in both languages."""

import datetime

import pytest

from django.test import Client

from members.models import MemberProfile
from resolutions.choices import Outcome
from resolutions.services import record_outcome
from tests.factories.members import make_person

from .conftest import new_resolution

pytestmark = pytest.mark.django_db

ADOPTED_ON = datetime.date(2026, 5, 30)


def english_page(page, english):
    return page.get_translation(english).specific


def test_a_draft_is_closed_to_the_public_by_every_way_in(client, draft, english):
    for page in (draft, english_page(draft, english)):
        response = client.get(page.url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client.get(page.url + "fr-en/").status_code == 302
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    listed = client.get("/api/v3/pages/", {"type": "resolutions.ResolutionPage"}).json()
    assert listed["items"] == []
    assert b"reunification-familiale" not in client.get("/sitemap.xml").content
    listing = client.get("/fr/resolutions/")
    assert listing.status_code == 200 and "Réunification familiale" not in listing.text


def test_a_signed_up_account_is_not_a_member(draft):
    pending = make_person(status=MemberProfile.Status.PENDING, email="pending@example.org")
    client = Client()
    client.force_login(pending)
    assert client.get(draft.url).status_code in (302, 403)


def test_a_member_reads_a_draft_but_never_finds_it_in_search(draft, member):
    client = Client()
    client.force_login(member)
    response = client.get(draft.url)
    assert response.status_code == 200 and "Les délais dépassent deux ans" in response.text
    assert "Réunification familiale" not in client.get("/fr/search/?q=d%C3%A9lais").text


def test_adoption_numbers_it_and_opens_it_in_both_languages(client, draft, english):
    record_outcome(draft.record, Outcome.ADOPTED, ADOPTED_ON, votes_for=40, votes_against=2, abstentions=1)
    draft.record.refresh_from_db()
    assert draft.record.number == "2026-01"
    french = client.get(draft.url)
    assert french.status_code == 200 and "2026-01" in french.text and "40" in french.text
    english_response = client.get(english_page(draft, english).url)
    assert english_response.status_code == 200 and "Delays exceed two years" in english_response.text
    listed = client.get("/api/v3/pages/", {"type": "resolutions.ResolutionPage", "locale": "en"}).json()
    assert [item["id"] for item in listed["items"]] == [english_page(draft, english).pk]
    detail = client.get(f"/api/v3/pages/{draft.pk}/").json()
    assert detail["meta"]["type"].endswith("ResolutionPage")
    assert detail["number"] == "2026-01" and detail["outcome"] == "adopted" and detail["votes"]["for"] == 40
    assert "stage" not in detail and "comment_deadline" not in detail
    assert b"reunification-familiale" in client.get("/sitemap.xml").content
    assert "Réunification familiale" in client.get("/fr/search/?q=d%C3%A9lais").text
    assert "Family reunification" in client.get("/en/search/?q=delays").text


def test_a_defeated_resolution_stays_members_only_and_has_no_number(client, draft):
    record_outcome(draft.record, Outcome.DEFEATED, ADOPTED_ON)
    draft.record.refresh_from_db()
    assert draft.record.number is None
    assert client.get(draft.url).status_code == 302


def test_numbers_follow_each_other_within_a_year_and_start_again_the_next(index, group, draft):
    second = new_resolution(index, group, slug="deuxieme")
    third = new_resolution(index, group, slug="troisieme")
    record_outcome(draft.record, Outcome.ADOPTED, ADOPTED_ON)
    record_outcome(second.record, Outcome.ADOPTED_AS_AMENDED, ADOPTED_ON)
    record_outcome(third.record, Outcome.ADOPTED, datetime.date(2027, 6, 1))
    numbers = [page.record.number for page in (draft, second, third)]
    assert numbers == ["2026-01", "2026-02", "2027-01"]
    # Recording the outcome again keeps the number.
    record_outcome(draft.record, Outcome.ADOPTED, ADOPTED_ON)
    assert draft.record.number == "2026-01"


def test_a_translation_shares_its_resolution(draft, english):
    assert english_page(draft, english).record_id == draft.record_id
