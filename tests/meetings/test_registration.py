"""Registering for meetings: who may, seats and wait-list, needs, emails with the calendar file, cancelling
(from the page and from the email's signed link), the online link to registered members only, reminders
once, workshops within their seats, and the co-chairs' list, export and attendance."""

import csv
import datetime
import io

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings import registration as rules
from meetings.models import Registration, WorkshopChoice
from meetings.tasks import send_meeting_reminders
from meetings.tokens import cancel_token
from members.models import GroupMembership
from tests.factories.meetings import ConsultationPageFactory, MeetingIndexPageFactory, WorkshopPageFactory
from tests.factories.members import OrganisationFactory, add_membership, make_groups, make_person
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/secret-room"
#: The meeting page for a registered member: the signed-in page's 22 (tests/home/test_query_budgets.py),
#: plus the registration panel: the member's registration, the group membership, who runs the group.
REGISTERED_MEETING_PAGE_BUDGET = 26


@pytest.fixture
def group(site_tree):
    return make_groups(site_tree, ("pac", "Protection au Canada", "open"))[0]


@pytest.fixture
def seat_meeting(group, locales):
    page = meeting(
        group,
        title="Rencontre d'hiver",
        slug="rencontre-hiver",
        capacity=1,
        interpretation=True,
        is_online=True,
        online_link=SECRET_LINK,
        venue="Centre communautaire",
    )
    english = page.copy_for_translation(locales[1])
    english.title = "Winter meeting"
    english.slug = "winter-meeting"
    english.save_revision().publish()
    return page


def member_of(group, language="fr", **kwargs):
    user = make_person(preferred_language=language, **kwargs)
    add_membership(user, group)
    return user


def register_url(event):
    return f"/fr/members/meetings/{event.pk}/register/"


def test_a_member_registers_with_an_interpretation_need_and_gets_the_calendar_file_in_their_language(
    client, group, seat_meeting, django_capture_on_commit_callbacks
):
    user = member_of(group, language="en")
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(seat_meeting), {"needs_interpretation": "on", "in_person": "1"})

    assert response.status_code == 302
    row = Registration.objects.get(user=user)
    assert (row.status, row.needs_interpretation, row.in_person) == ("confirmed", True, True)
    assert row.event_id == seat_meeting.pk
    (email,) = mail.outbox
    assert email.subject == "You are registered: Winter meeting"
    assert "/en/members/meetings/cancel/" in email.body
    (name, content, kind) = email.attachments[0]
    assert (name, kind) == ("winter-meeting.ics", "text/calendar")
    assert "SUMMARY:Winter meeting" in content
    assert SECRET_LINK not in content
    assert any(alternative[1] == "text/html" for alternative in email.alternatives)


def test_the_english_page_registers_for_the_same_event(client, group, seat_meeting):
    user = member_of(group)
    client.force_login(user)
    english = seat_meeting.get_translation(seat_meeting.get_translations().first().locale)

    client.post(f"/en/members/meetings/{english.pk}/register/", {"in_person": "0"})

    assert Registration.objects.get(user=user).event_id == seat_meeting.pk


@pytest.mark.parametrize(
    ("case", "status", "message"),
    [
        ("twice", 409, "You are already registered for this meeting."),
        ("past", 409, "This meeting has already taken place."),
        ("cancelled", 409, "This meeting is cancelled."),
        ("not in group", 403, "Only the members of this working group register for its meetings."),
        ("tampered id", 404, "This meeting does not exist."),
        ("not an event", 404, "This meeting does not exist."),
        ("by GET", 405, "This address only accepts a form sent from the site"),
    ],
)
def test_refused_registrations_say_why_in_the_visitors_language_and_change_nothing(
    client, group, seat_meeting, case, status, message, django_capture_on_commit_callbacks
):
    user = make_person(preferred_language="en") if case == "not in group" else member_of(group)
    client.force_login(user)
    url = f"/en/members/meetings/{seat_meeting.pk}/register/"
    if case == "twice":
        rules.register(user, seat_meeting)
    elif case == "past":
        seat_meeting.starts_at = timezone.now() - datetime.timedelta(hours=1)
        seat_meeting.save()
    elif case == "cancelled":
        seat_meeting.is_cancelled = True
        seat_meeting.save()
    elif case == "tampered id":
        url = "/en/members/meetings/999999/register/"
    elif case == "not an event":
        url = f"/en/members/meetings/{group.pk}/register/"
    before = list(Registration.objects.values_list("pk", "status"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url) if case == "by GET" else client.post(url, {"in_person": "1"})

    assert response.status_code == status
    assert message in response.content.decode()
    assert list(Registration.objects.values_list("pk", "status")) == before
    assert mail.outbox == []


def test_refusals_are_in_french_on_the_french_site(client, group, seat_meeting):
    client.force_login(make_person())

    response = client.post(register_url(seat_meeting), {"in_person": "1"})

    assert response.status_code == 403
    assert "Seuls les membres de ce groupe de travail" in response.content.decode()


def test_every_approved_member_registers_for_an_open_meeting_and_for_the_consultations(client, group, seat_meeting):
    seat_meeting.open_to_all_members = True
    seat_meeting.save()
    outsider = make_person()
    client.force_login(outsider)

    assert client.post(register_url(seat_meeting), {"in_person": "1"}).status_code == 302
    assert Registration.objects.filter(user=outsider, event=seat_meeting).exists()


def test_a_person_not_yet_approved_may_not_register(client, group, seat_meeting):
    pending = make_person(status="pending")
    add_membership(pending, group)
    client.force_login(pending)

    assert client.post(register_url(seat_meeting), {"in_person": "1"}).status_code == 403
    assert not Registration.objects.exists()


def test_past_capacity_members_are_wait_listed_and_the_first_moves_up_when_a_seat_is_freed(
    client, group, seat_meeting, django_capture_on_commit_callbacks
):
    first, second, third = (member_of(group, language=lang) for lang in ("fr", "en", "fr"))
    with django_capture_on_commit_callbacks(execute=True):
        seated = rules.register(first, seat_meeting)
        waiting = rules.register(second, seat_meeting)
        last = rules.register(third, seat_meeting)
    assert [seated.status, waiting.status, last.status] == ["confirmed", "waitlisted", "waitlisted"]
    assert mail.outbox[1].subject == "You are on the wait-list: Winter meeting"
    assert not mail.outbox[1].attachments
    mail.outbox.clear()
    client.force_login(first)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/members/meetings/{seat_meeting.pk}/cancel/", {"next": "/fr/members/"})

    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("user", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "confirmed", third.pk: "waitlisted"}
    (email,) = mail.outbox
    assert email.to == [second.email]
    assert email.subject == "A seat is yours: Winter meeting"
    assert email.attachments[0][0] == "winter-meeting.ics"


def test_the_signed_link_in_the_email_cancels_and_an_altered_one_is_refused(client, group, seat_meeting):
    user = member_of(group)
    row = rules.register(user, seat_meeting)
    token = cancel_token(row)

    page = client.get(f"/fr/members/meetings/cancel/{token}/")
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    altered = client.post(f"/fr/members/meetings/cancel/{token[:-2]}xx/")
    assert altered.status_code == 404
    assert Registration.objects.get().status == "confirmed"

    assert client.post(f"/fr/members/meetings/cancel/{token}/").status_code == 302
    assert Registration.objects.get().status == "cancelled"
    again = client.post(f"/fr/members/meetings/cancel/{token}/")
    assert again.status_code == 409


def test_a_member_who_cancelled_may_register_again(group, seat_meeting):
    user = member_of(group)
    rules.cancel(rules.register(user, seat_meeting))

    assert rules.register(user, seat_meeting).status == "confirmed"
    assert Registration.objects.count() == 1


def test_the_online_link_is_shown_to_registered_members_only_and_their_page_is_not_cached(client, group, seat_meeting):
    registered, waiting, other = member_of(group), member_of(group), member_of(group)
    rules.register(registered, seat_meeting)
    rules.register(waiting, seat_meeting)

    anonymous = client.get(seat_meeting.url)
    assert SECRET_LINK not in anonymous.content.decode()
    for person in (waiting, other):
        client.force_login(person)
        assert SECRET_LINK not in client.get(seat_meeting.url).content.decode()
    client.force_login(registered)
    response = client.get(seat_meeting.url)
    assert SECRET_LINK in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    client.logout()
    assert SECRET_LINK not in client.get(seat_meeting.url).content.decode()


def test_the_reminder_is_sent_once_two_days_before(group, seat_meeting):
    user = member_of(group, language="en")
    rules.register(user, seat_meeting)
    mail.outbox.clear()

    send_meeting_reminders.enqueue()
    assert mail.outbox == []  # a month before: not yet

    soon = seat_meeting.starts_at - datetime.timedelta(days=1)
    assert rules.send_reminders(now=soon) == 1
    assert rules.send_reminders(now=soon) == 0
    (email,) = mail.outbox
    assert email.subject == "Reminder: Winter meeting"
    assert email.attachments[0][0] == "winter-meeting.ics"
    assert Registration.objects.get().reminded_at is not None


def test_a_reminder_the_mail_server_refused_is_sent_on_the_next_run(group, seat_meeting, monkeypatch):
    rules.register(member_of(group), seat_meeting)
    soon = seat_meeting.starts_at - datetime.timedelta(days=1)
    monkeypatch.setattr("meetings.registration.emails.send_registration_email", lambda *args: False)
    assert rules.send_reminders(now=soon) == 0
    assert Registration.objects.get().reminded_at is None
    monkeypatch.undo()

    assert rules.send_reminders(now=soon) == 1


@pytest.fixture
def consultations(site_tree, group):
    index = publish(MeetingIndexPageFactory(parent=site_tree["fr"]))
    event = publish(ConsultationPageFactory(parent=index))
    small = publish(WorkshopPageFactory(parent=event, title="Atelier A", capacity=1))
    large = publish(WorkshopPageFactory(parent=event, title="Atelier B"))
    for workshop in (small, large):
        workshop.preparing_groups.create(group=group, locale=workshop.locale)
    return event, small, large


def test_registered_members_pick_workshops_within_each_ones_seats(client, consultations):
    event, small, large = consultations
    first, second = make_person(), make_person()
    for person in (first, second):
        rules.register(person, event)
    client.force_login(first)
    url = f"/fr/members/meetings/{event.pk}/workshops/"

    assert client.post(url, {"workshops": [small.pk, large.pk]}).status_code == 302
    client.force_login(second)
    full = client.post(url, {"workshops": [small.pk, large.pk]})
    assert full.status_code == 409
    assert "Atelier A" in full.content.decode()
    assert client.post(url, {"workshops": [large.pk]}).status_code == 302
    assert client.post(url, {"workshops": [999999]}).status_code == 400

    chosen = sorted(WorkshopChoice.objects.values_list("registration__user", "workshop"))
    assert chosen == sorted([(first.pk, small.pk), (first.pk, large.pk), (second.pk, large.pk)])


@pytest.fixture
def co_chair(group):
    user = make_person(preferred_language="en")
    add_membership(user, group, role=GroupMembership.Role.CO_CHAIR)
    return user


def test_co_chairs_list_export_and_record_attendance_of_their_groups_meetings_only(
    client, group, seat_meeting, co_chair, site_tree
):
    other_group = make_groups(site_tree, ("autre", "Autre groupe", "open"))[0]
    other_meeting = meeting(other_group, slug="autre-rencontre")
    seat_meeting.capacity = 5
    seat_meeting.save()
    same_org = OrganisationFactory(name="Organisme partagé")
    people = [member_of(group, organisation=same_org), member_of(group, organisation=same_org), member_of(group)]
    rules.register(people[0], seat_meeting, needs_interpretation=True, in_person=True, dietary_needs="Végétarien")
    rules.register(people[1], seat_meeting, in_person=False)
    rules.register(people[2], seat_meeting, needs_interpretation=True, in_person=True)
    client.force_login(co_chair)

    listing = client.get(f"/en/members/meetings/{seat_meeting.pk}/registrations/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Need interpretation: 2" in text and "In person: 2" in text
    assert client.get(f"/en/members/meetings/{other_meeting.pk}/registrations/").status_code == 403
    managed = client.get("/en/members/meetings/").content.decode()
    assert seat_meeting.localized.title in managed and "autre-rencontre" not in managed

    export = client.get(f"/en/members/meetings/{seat_meeting.pk}/registrations.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode().lstrip("\ufeff"))))
    assert rows[0][:5] == ["Name", "Email", "Organisation", "Status", "Interpretation"]
    assert {row[1] for row in rows[1:]} == {person.email for person in people}
    (first_row,) = [row for row in rows if row[1] == people[0].email]
    assert (first_row[4], first_row[5], first_row[7]) == ("yes", "yes", "Végétarien")

    early = client.post(f"/en/members/meetings/{seat_meeting.pk}/attendance/", {"present": []})
    assert early.status_code == 409
    type(seat_meeting).objects.filter(pk=seat_meeting.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=3))
    present = Registration.objects.filter(user__in=people[1:]).values_list("pk", flat=True)
    response = client.post(f"/en/members/meetings/{seat_meeting.pk}/attendance/", {"present": list(present)})
    assert response.status_code == 302
    assert rules.organisations_present(seat_meeting) == 2
    assert dict(Registration.objects.values_list("user", "attended"))[people[0].pk] is False


def test_people_who_do_not_run_the_group_see_no_registrations(client, group, seat_meeting):
    client.force_login(member_of(group))

    response = client.get(f"/en/members/meetings/{seat_meeting.pk}/registrations/")
    assert response.status_code == 403
    assert client.get(f"/en/members/meetings/{seat_meeting.pk}/registrations.csv").status_code == 403


def test_co_chairs_propose_workshops_for_the_consultations(client, consultations, co_chair, group):
    event = consultations[0]
    client.force_login(co_chair)
    url = f"/en/members/meetings/{event.pk}/propose-workshop/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"group": group.pk, "title": "Atelier proposé", "description": "Pourquoi."})

    assert response.status_code == 302
    proposal = event.workshop_proposals.get()
    assert (proposal.group_id, proposal.proposed_by_id, proposal.status) == (group.pk, co_chair.pk, "pending")
    client.force_login(make_person())
    assert client.post(url, {"group": group.pk, "title": "X", "description": "Y"}).status_code == 403


def test_the_dashboard_lists_my_registrations_and_cancels_them(client, group, seat_meeting, co_chair):
    user = member_of(group, language="en")
    rules.register(user, seat_meeting)
    client.force_login(user)

    dashboard = client.get("/en/members/").content.decode()
    assert "Winter meeting" in dashboard
    assert f"/members/meetings/{seat_meeting.pk}/cancel/" in dashboard
    assert '/members/meetings/"' not in dashboard  # the co-chairs' link is not for everyone
    response = client.post(f"/en/members/meetings/{seat_meeting.pk}/cancel/", {"next": "/en/members/"})
    assert response.status_code == 302 and response["Location"] == "/en/members/"
    assert Registration.objects.get().status == "cancelled"
    client.force_login(co_chair)
    assert 'href="/en/members/meetings/"' in client.get("/en/members/").content.decode()


def test_staff_accept_a_proposal_in_the_admin_and_the_decision_is_recorded(client, consultations, co_chair, group):
    from meetings.models import WorkshopProposal
    from members.models import User

    proposal = WorkshopProposal.objects.create(
        consultation=consultations[0], group=group, title="Atelier", description="D", proposed_by=co_chair
    )
    staff = User.objects.create_superuser(email="staff@example.org", password="x")  # noqa: S106
    client.force_login(staff)

    response = client.post(
        f"/admin/meetings/workshop-proposals/edit/{proposal.pk}/",
        {"title": "Atelier", "description": "D", "status": "accepted"},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", staff)


def page_queries(client, url):
    client.get(url)  # warms the fragments
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_registered_members_meeting_page_and_the_listing_cost_the_same_with_ten_times_the_registrations(
    client, group, seat_meeting, settings, language
):
    settings.PAGE_CACHE_ENABLED = False
    seat_meeting.capacity = None
    seat_meeting.save()
    user = member_of(group)
    rules.register(user, seat_meeting, needs_interpretation=True)
    client.force_login(user)
    page = seat_meeting if language == "fr" else seat_meeting.get_translations().get()
    index = publish(MeetingIndexPageFactory(parent=page.get_parent().get_parent().get_parent()))
    rules.register(member_of(group), seat_meeting)
    small, html = page_queries(client, page.url)
    listing_small, _ = page_queries(client, index.url)
    assert SECRET_LINK in html

    for _ in range(9):
        rules.register(member_of(group), seat_meeting)
        other = meeting(group, capacity=3)
        rules.register(user, other)
    large, html = page_queries(client, page.url)
    listing_large, listing = page_queries(client, index.url)

    assert SECRET_LINK in html
    assert (large, listing_large) == (small, listing_small)
    assert large <= REGISTERED_MEETING_PAGE_BUDGET
