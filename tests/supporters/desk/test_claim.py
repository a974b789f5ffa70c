"""Claiming the next batch: oldest first, from the volunteer's areas, never one supporter to two volunteers."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.supporters.desk import queue
from sampark.supporters.desk.models import DeskAssignment
from sampark.supporters.models import Callback


def test_oldest_first_from_the_volunteers_areas_only(make_staff, waiting, areas):
    lucknow = waiting(3, "UP-LKO")
    inside = waiting(1, "UP-AC-170", minutes_ago=500)  # an assembly inside Lucknow: older than the rest
    waiting(2, "UP-AGR", minutes_ago=1000)  # a sibling district: never given to a Lucknow volunteer
    volunteer = make_staff("vol", Role.VOLUNTEER, "UP-LKO")

    ids = queue.claim(volunteer, 10)

    claimed = [Callback.objects.get(pk=i).supporter_id for i in ids]
    assert claimed == [inside[0].pk] + [s.pk for s in lucknow]
    assert Callback.objects.filter(status="assigned", claimed_by=volunteer).count() == 4
    assert Callback.objects.filter(supporter__area__code="UP-AGR", status="pending").count() == 2


def test_batch_size_and_open_claim_cap(make_staff, waiting):
    waiting(60, "UP-LKO")
    volunteer = make_staff("vol")
    assert len(queue.claim(volunteer)) == 10  # the default batch
    assert len(queue.claim(volunteer, 50)) == 40  # 50 open claims at most
    assert queue.claim(volunteer, 5) == []


def test_assignment_narrows_the_desk_to_the_assigned_area(make_staff, waiting, areas):
    waiting(2, "UP-LKO", minutes_ago=900)
    east = waiting(2, "UP-AC-173")
    volunteer = make_staff("vol", Role.VOLUNTEER, "UP-LKO")
    DeskAssignment.objects.create(volunteer=volunteer, area=areas["UP-AC-173"], at=timezone.now())
    claimed = [Callback.objects.get(pk=i).supporter_id for i in queue.claim(volunteer)]
    assert claimed == [s.pk for s in east]


def test_assignment_outside_the_grants_gives_nothing_outside_them(make_staff, waiting, areas):
    waiting(2, "UP-AGR")
    volunteer = make_staff("vol", Role.VOLUNTEER, "UP-LKO")
    DeskAssignment.objects.create(volunteer=volunteer, area=areas["UP-AGR"], at=timezone.now())
    assert queue.claim(volunteer) == []  # falls back to Lucknow, where nobody waits


def test_national_volunteer_takes_call_backs_of_no_known_area(make_staff, waiting):
    unknown = waiting(1, None)
    volunteer = make_staff("nat", Role.VOLUNTEER, "IN")
    assert [Callback.objects.get(pk=i).supporter_id for i in queue.claim(volunteer)] == [unknown[0].pk]
    district = make_staff("vol", Role.VOLUNTEER, "UP-LKO")
    waiting(1, None)
    assert queue.claim(district) == []


def test_a_claim_lapses_back_to_the_queue_at_its_old_place(make_staff, waiting, settings):
    settings.CLAIM_TIMEOUT_MINUTES = 120
    first = waiting(3, "UP-LKO")
    a, b = make_staff("a"), make_staff("b")
    assert len(queue.claim(a, 2)) == 2
    assert [Callback.objects.get(pk=i).supporter_id for i in queue.claim(b, 10)] == [first[2].pk]
    with time_machine.travel(timezone.now() + timedelta(minutes=119)):
        assert queue.claim(make_staff("c"), 10) == []  # still a's and b's
    with time_machine.travel(timezone.now() + timedelta(minutes=121)):
        claimed = [Callback.objects.get(pk=i).supporter_id for i in queue.claim(make_staff("d"), 10)]
        assert not queue.open_claims(a).exists()
    assert claimed == [s.pk for s in first]  # back at their old places, oldest first


def test_retries_wait_until_due(make_staff, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    Callback.objects.filter(supporter=supporter).update(due_at=timezone.now() + timedelta(hours=4))
    assert queue.claim(make_staff("vol")) == []


def test_counts_follow_every_change(make_staff, waiting, areas):
    waiting(3, "UP-LKO")
    waiting(2, "UP-AC-170")
    waiting(1, "UP-AGR")
    waiting(1, None)
    rows = {(r.area.code if r.area else None): r for r in queue.child_queues(areas["UP-LKO"])}
    assert rows["UP-LKO"].own and rows["UP-LKO"].waiting == 3
    assert rows["UP-AC-170"].waiting == 2 and rows["UP-AC-173"].waiting == 0
    queue.claim(make_staff("vol"), 4)
    up = {r.area.code: r.waiting for r in queue.child_queues(areas["UP"]) if r.area}
    assert up["UP-DV-LKO"] == 1 and up["UP-DV-AGR"] == 1
    national = {(r.area.code if r.area else None): r.waiting for r in queue.child_queues(None, True)}
    assert national == {None: 1, "IN": 2}
    queue.squash()
    assert {(r.area.code if r.area else None): r.waiting for r in queue.child_queues(None, True)} == national


@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_never_share_a_supporter(areas, make_staff, waiting):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite has one writer at a time; the claim is a single UPDATE under its lock")
    waiting(40, "UP-LKO")
    waiting(40, "UP-AC-170")
    volunteers = [make_staff(f"v{i}") for i in range(6)]
    results: dict[str, list[int]] = {}

    def run(user):
        from django.db import connections

        try:
            results[user.username] = queue.claim(user, 10)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everyone = [i for ids in results.values() for i in ids]
    assert len(everyone) == len(set(everyone))  # SKIP LOCKED may make a batch short, never shared
    assert len(everyone) >= 30 and all(results.values())  # and each volunteer got some
    for user in volunteers:
        assert set(Callback.objects.filter(claimed_by=user).values_list("pk", flat=True)) == set(results[user.username])
