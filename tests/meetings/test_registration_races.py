"""Two members take the last seat at once, each on their own connection: one seat, one wait-list place."""

import threading
import time

import pytest

from django.db import connection

from meetings import registration as rules
from meetings.models import Registration
from tests.factories.members import add_membership, make_groups, make_person
from tests.meetings.conftest import meeting


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_members_taking_the_last_seat_at_once_get_one_seat_and_one_wait_list_place(site_tree, monkeypatch):
    group = make_groups(site_tree, ("pac", "Protection au Canada", "open"))[0]
    event = meeting(group, slug="derniere-place", capacity=2)
    rules.register(add_member(group), event)
    people = [add_member(group), add_member(group)]
    barrier = threading.Barrier(2)
    errors = []
    count_seats = rules.has_free_seat

    def slow_count(event):
        # Hold the count a moment before the row is written: without the lock, both would see the seat free.
        free = count_seats(event)
        time.sleep(0.5)
        return free

    monkeypatch.setattr(rules, "has_free_seat", slow_count)

    def take_seat(person):
        try:
            stale = type(event).objects.get(pk=event.pk)
            barrier.wait(timeout=30)
            rules.register(person, stale)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=take_seat, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = sorted(Registration.objects.filter(user__in=people).values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted"]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def add_member(group):
    person = make_person()
    add_membership(person, group)
    return person
