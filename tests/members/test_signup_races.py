"""Sign-up saves the user and the profile together; a second sign-up of one address gets the ordinary answer."""

import threading
from io import StringIO

import pytest
from allauth.account.internal.flows import manage_email

from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client

from members.models import MemberOrganisation, MemberProfile, User
from tests.factories.members import UserFactory, signup_form


@pytest.fixture
def organisation(db):
    return MemberOrganisation.objects.create(name="Organisme du test", province="QC")


@pytest.mark.django_db
def test_an_address_registered_meanwhile_gets_the_check_your_inbox_page(client, site_tree, organisation, monkeypatch):
    # The first click's account is saved after the second click's form was checked.
    UserFactory(email="double@example.org")
    monkeypatch.setattr(manage_email, "email_already_exists", lambda email, **kwargs: (email, False))
    response = client.post("/fr/accounts/signup/", signup_form("double@example.org", organisation))
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/confirm-email/"
    assert User.objects.filter(email="double@example.org").count() == 1
    # allauth's email to the owner of an address already registered.
    assert [message.to for message in mail.outbox] == [["double@example.org"]]


@pytest.mark.django_db
def test_a_connection_lost_before_the_profile_leaves_no_account(site_tree, organisation, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("members.forms.create_profile", lost)
    response = Client(raise_request_exception=False).post(
        "/fr/accounts/signup/", signup_form("coupe@example.org", organisation)
    )
    assert response.status_code == 503
    assert not User.objects.filter(email="coupe@example.org").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_accounts_without_a_profile_are_repaired_by_the_command(organisation):
    half_made = UserFactory(email="moitie@example.org")
    staff = UserFactory(email="personnel@example.org", is_staff=True)
    call_command("repair_member_profiles", "--dry-run", stdout=StringIO())
    assert not MemberProfile.objects.filter(user=half_made).exists()

    out = StringIO()
    call_command("repair_member_profiles", stdout=out)
    call_command("repair_member_profiles", stdout=StringIO())  # safe to run again
    assert MemberProfile.objects.get(user=half_made).status == MemberProfile.Status.PENDING
    assert not MemberProfile.objects.filter(user=staff).exists()
    assert "1 profile(s) created" in out.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_signups_of_one_address_give_one_account_and_no_error(organisation):
    """Two requests with their own connections sign the same address up at once."""
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def sign_up():
        try:
            client = Client()
            barrier.wait(timeout=30)
            statuses.append(
                client.post("/fr/accounts/signup/", signup_form("course@example.org", organisation)).status_code
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=sign_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [302, 302]
    user = User.objects.get(email="course@example.org")
    assert MemberProfile.objects.filter(user=user).count() == 1
