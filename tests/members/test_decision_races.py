"""One person, one decision, one email: approvals and rejections settle races under a row lock."""

import threading

import pytest

from django.core import mail
from django.db import connection
from django.test import Client

from members import services
from members.models import MemberProfile
from tests.factories.members import ProfileFactory, UserFactory, make_person


@pytest.mark.django_db
def test_a_second_approval_changes_nothing_and_sends_nothing(django_capture_on_commit_callbacks):
    profile = ProfileFactory()
    first_reviewer, second_reviewer = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.approve(profile, first_reviewer) is True
    stale = MemberProfile.objects.get(pk=profile.pk)
    stale.status = MemberProfile.Status.PENDING  # what a second reviewer's page still shows
    with django_capture_on_commit_callbacks(execute=True):
        assert services.approve(stale, second_reviewer) is False
        assert services.reject(stale, second_reviewer, "Trop tard") is False
    assert len(mail.outbox) == 1
    assert stale.status == MemberProfile.Status.APPROVED  # the caller's copy now says what happened
    profile.refresh_from_db()
    assert (profile.reviewed_by, profile.rejection_reason) == (first_reviewer, "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Cette personne a déjà été examinée."), ("en", "This person has already been reviewed.")],
)
def test_the_second_reviewer_is_told_it_is_already_done(site_tree, language, message):
    administrator = make_person()
    person = make_person(status=MemberProfile.Status.PENDING, organisation=administrator.member_profile.organisation)
    administrator.member_profile.organisation.administrators.add(administrator)
    profile = person.member_profile
    client = Client()
    client.force_login(administrator)
    # Both pages were opened while the person was pending; the first approval is saved meanwhile.
    services.approve(profile, UserFactory())
    response = client.post(f"/{language}/members/people/{profile.pk}/approve/")
    assert response.status_code == 409
    assert message in response.content.decode()


@pytest.mark.django_db
def test_a_decision_email_is_sent_again_once(django_capture_on_commit_callbacks):
    profile = ProfileFactory(status=MemberProfile.Status.APPROVED, decision_email_pending=True)
    assert services.resend_decision_email(profile) is True
    assert services.resend_decision_email(MemberProfile.objects.get(pk=profile.pk)) is None
    assert len(mail.outbox) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("second", ["approve", "reject"])
def test_concurrent_decisions_on_one_person_give_one_decision_and_one_email(second):
    """Two reviewers with their own connections decide at once: one wins, the other changes nothing."""
    profile = ProfileFactory()
    reviewers = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def decide(reviewer, action):
        try:
            stale = MemberProfile.objects.select_related("user").get(pk=profile.pk)
            barrier.wait(timeout=30)
            if action == "approve":
                results.append(services.approve(stale, reviewer))
            else:
                results.append(services.reject(stale, reviewer, "Organisme inconnu"))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [
        threading.Thread(target=decide, args=(reviewers[0], "approve")),
        threading.Thread(target=decide, args=(reviewers[1], second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(results) == [False, True]
    assert len(mail.outbox) == 1
    profile.refresh_from_db()
    assert profile.status != MemberProfile.Status.PENDING
