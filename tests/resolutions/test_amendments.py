"""Amendments during the comment period: proposed by approved members, decided by co-chairs, versions compared.

Every bad request is a 4xx with its reason in the visitor's language, and saves nothing.
"""

import datetime

import pytest

from django.test import Client
from django.utils import timezone

from members.models import MemberProfile
from resolutions.models import Amendment
from tests.factories.members import make_person

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def propose_url(page):
    return f"/fr/resolution-work/{page.pk}/amendments/"


def proposal(page, **fields):
    clause = page.clauses[1]
    return {
        "clause": clause.id,
        "kind": "replace",
        "text": "Que la coalition exige trois mois.",
        "reason": "Plus fort.",
        **fields,
    }


def test_a_member_proposes_the_co_chair_accepts_and_the_versions_show_the_change(in_comment, member, co_chair):
    response = signed_in(member).post(propose_url(in_comment), proposal(in_comment))
    assert response.status_code == 302
    amendment = Amendment.objects.get()
    assert amendment.page.locale.language_code == "fr" and amendment.status == Amendment.Status.PENDING
    page_for_member = signed_in(member).get(in_comment.url)
    assert "Plus fort." in page_for_member.text and "Rédigé en" in page_for_member.text  # French page, French words
    first_revision = in_comment.live_revision_id

    co_chair_client = signed_in(co_chair)
    response = co_chair_client.post(
        f"/fr/resolution-work/amendments/{amendment.pk}/decision/", {"decision": "accept", "reply": "Merci."}
    )
    assert response.status_code == 302
    in_comment.refresh_from_db()
    assert in_comment.clauses[1].value == "Que la coalition exige trois mois."
    assert in_comment.clauses[1].id == amendment.clause_id
    versions = signed_in(member).get(
        f"/fr/resolution-work/{in_comment.pk}/versions/", {"from": first_revision, "to": in_comment.live_revision_id}
    )
    assert versions.status_code == 200
    assert [change["after"] for change in versions.context["changes"]] == ["Que la coalition exige trois mois."]
    # Decided once: a second answer is refused.
    again = co_chair_client.post(
        f"/fr/resolution-work/amendments/{amendment.pk}/decision/", {"decision": "reject", "reply": "Non."}
    )
    assert again.status_code == 409


def test_adding_and_deleting_clauses(in_comment, member, co_chair):
    from resolutions.services import decide_amendment, propose_amendment

    clause = in_comment.clauses[0]
    added = propose_amendment(member, in_comment, clause_id=clause.id, kind="add", text="Attendu que X ;", reason="R")
    deleted = propose_amendment(member, in_comment, clause_id=clause.id, kind="delete", text="", reason="R")
    decide_amendment(co_chair, added, accept=True, reply="Oui")
    in_comment.refresh_from_db()
    assert [block.value for block in in_comment.clauses][:2] == ["Les délais dépassent deux ans ;", "Attendu que X ;"]
    decide_amendment(co_chair, deleted, accept=True, reply="Oui")
    in_comment.refresh_from_db()
    assert [block.value for block in in_comment.clauses][0] == "Attendu que X ;"


@pytest.mark.parametrize("language, message", [("fr", "clause n’existe pas"), ("en", "clause does not exist")])
def test_an_unknown_clause_is_refused_in_the_visitors_language(in_comment, member, language, message):
    response = signed_in(member).post(
        f"/{language}/resolution-work/{in_comment.pk}/amendments/", proposal(in_comment, clause="pas-une-clause")
    )
    assert response.status_code == 400 and message in response.text
    assert not Amendment.objects.exists()


def test_bad_requests_are_refused_and_save_nothing(in_comment, member, co_chair):
    member_client = signed_in(member)
    # After the deadline.
    record = in_comment.record
    record.comment_deadline = timezone.now() - datetime.timedelta(minutes=1)
    record.save()
    assert member_client.post(propose_url(in_comment), proposal(in_comment)).status_code == 409
    record.comment_deadline = timezone.now() + datetime.timedelta(days=1)
    record.save()
    # Not a member: anonymous, and an account not approved.
    assert Client().post(propose_url(in_comment), proposal(in_comment)).status_code == 403
    pending = make_person(status=MemberProfile.Status.PENDING, email="attente@example.org")
    assert signed_in(pending).post(propose_url(in_comment), proposal(in_comment)).status_code == 403
    # A tampered page id, a GET, no reason, an unknown kind.
    assert member_client.post("/fr/resolution-work/999999/amendments/", proposal(in_comment)).status_code == 404
    assert member_client.get(propose_url(in_comment)).status_code == 405
    assert member_client.post(propose_url(in_comment), proposal(in_comment, reason="")).status_code == 400
    assert member_client.post(propose_url(in_comment), proposal(in_comment, kind="rewrite")).status_code == 400
    assert not Amendment.objects.exists()
    # A double click: the second is refused.
    assert member_client.post(propose_url(in_comment), proposal(in_comment)).status_code == 302
    assert member_client.post(propose_url(in_comment), proposal(in_comment)).status_code == 409
    assert Amendment.objects.count() == 1
    # Only the drafting group's co-chairs decide; a tampered amendment id is a 404.
    amendment = Amendment.objects.get()
    decision = {"decision": "accept", "reply": "Oui"}
    assert member_client.post(f"/fr/resolution-work/amendments/{amendment.pk}/decision/", decision).status_code == 403
    assert signed_in(co_chair).post("/fr/resolution-work/amendments/999999/decision/", decision).status_code == 404
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.PENDING


def test_amendments_are_never_shown_to_the_public_nor_in_the_api(client, in_comment, member):
    signed_in(member).post(propose_url(in_comment), proposal(in_comment, reason="Raison confidentielle"))
    assert client.get(in_comment.url).status_code == 302
    assert "Raison confidentielle" not in client.get("/api/v3/openapi.json").text
    assert "amendment" not in client.get("/api/v3/openapi.json").text.lower()
