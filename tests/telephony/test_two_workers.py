"""Two intake workers at once on PostgreSQL never process one call twice (FOR UPDATE SKIP LOCKED)."""

import threading

import pytest
from django.db import connection, connections
from django.db.models import Sum

from sampark.core import counters
from sampark.supporters.models import Supporter, Touch
from sampark.telephony import intake
from sampark.telephony.models import Call

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED claims need PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_workers_share_the_queue_without_overlap(log_call, confirmation_templates, settings):
    settings.INTAKE_BATCH_SIZE = 40
    callers = [f"98765{n:05d}" for n in range(300)]
    for n in range(1200):
        log_call(f"call-{n}", callers[n % len(callers)])

    processed = []
    errors = []
    start = threading.Barrier(2)

    def work():
        try:
            start.wait()
            processed.append(intake.run(once=True))
        except Exception as exc:  # surfaced below; a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert sum(processed) == 1200
    assert all(count > 0 for count in processed), "both workers should have taken part"
    assert Call.objects.filter(outcome="accepted").count() == 1200
    assert Supporter.objects.count() == 300
    assert Supporter.objects.aggregate(total=Sum("call_count"))["total"] == 1200
    on_timelines = [call_id for detail in Touch.objects.values_list("detail", flat=True) for call_id in detail["calls"]]
    assert sorted(on_timelines) == sorted(Call.objects.values_list("id", flat=True))  # each call once
    assert counters.read("calls_accepted", "supporters") == {"calls_accepted": 1200, "supporters": 300}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("hold", ["lock", "update"])
def test_a_supporter_held_by_another_batch_is_left_for_later_not_waited_for(log_call, confirmation_templates, hold):
    """"update" is what another worker's batch does to a repeat caller's row; inserting that number then would
    wait for the other batch, which may be waiting for this one (a deadlock seen in the benchmark)."""
    import time

    from django.db import transaction
    from django.db.models import F

    log_call("first", "9876500001")
    assert intake.process_batch() == 1
    log_call("again", "9876500001")
    log_call("other", "9876500002")
    held, release, errors = threading.Event(), threading.Event(), []

    def other_batch():  # another worker's open transaction holding the supporter's row
        try:
            with transaction.atomic():
                if hold == "lock":
                    Supporter.objects.select_for_update().get(call_count=1)
                else:
                    Supporter.objects.filter(call_count=1).update(call_count=F("call_count") + 0)
                held.set()
                release.wait(30)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_batch)
    thread.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        assert intake.process_batch() == 1  # "other" done at once; "again" stays pending, no waiting
        assert time.monotonic() - started < 10
        assert Call.objects.get(provider_call_id="again").outcome == "pending"
    finally:
        release.set()
        thread.join()
    assert not errors
    assert intake.process_batch() == 1
    assert Call.objects.filter(outcome="pending").count() == 0
    supporter = Supporter.objects.get(call_count=2)
    details = Touch.objects.filter(supporter=supporter).values_list("detail", flat=True)
    on_timeline = [call_id for detail in details for call_id in detail["calls"]]
    assert sorted(on_timeline) == sorted(Call.objects.filter(supporter=supporter).values_list("id", flat=True))
    assert counters.read("calls_accepted", "supporters") == {"calls_accepted": 3, "supporters": 2}
