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



@pytest.mark.django_db(transaction=True)
def test_a_number_that_appears_mid_batch_and_is_updated_by_another_batch_is_waited_for_without_deadlock(
    log_call, confirmation_templates, monkeypatch
):
    """Three batches, the real code in each, in the order the benchmark's three workers met:
    A reads which of J and K exist (neither), C adds K and commits, B adds J and updates K and holds both,
    then A inserts J and K. A has to wait for B; B must not then wait for A, or PostgreSQL kills one of them
    as a deadlock (after a second) and its batch is redone."""
    import time

    from sampark.core import pii
    from sampark.core.phones import normalise
    from sampark.supporters import services

    # J's blind index sorts before K's: A inserts J first
    numbers = [f"98765{n:05d}" for n in range(10, 30)]
    by_index = sorted(numbers, key=lambda raw: pii.blind_index(normalise(raw).e164))
    number_j, number_k = by_index[0], by_index[-1]
    a_has_read, resume_a, b_has_updated, resume_b = (threading.Event() for _ in range(4))
    real_execute = services.execute

    def execute(sql, params, **kwargs):
        result = real_execute(sql, params, **kwargs)
        me = threading.current_thread().name
        if me == "A" and "FOR NO KEY UPDATE" not in sql and sql.startswith("SELECT phone_index"):
            a_has_read.set()
            assert resume_a.wait(20)
        if me == "B" and sql.startswith("UPDATE"):
            b_has_updated.set()
            assert resume_b.wait(20)
        return result

    monkeypatch.setattr(services, "execute", execute)
    log_call("a-j", number_j)
    log_call("a-k", number_k)
    errors, done = [], {}

    def batch(name):
        try:
            done[name] = intake.process_batch(limit=2)
        except Exception as exc:
            errors.append((name, exc))
        finally:
            connections.close_all()

    worker_a = threading.Thread(target=batch, args=("A",), name="A")
    worker_a.start()
    assert a_has_read.wait(10)
    log_call("c-k", number_k)  # C: another batch adds K and commits
    assert intake.process_batch(limit=2) == 1
    log_call("b-k", number_k)
    log_call("b-j", number_j)
    worker_b = threading.Thread(target=batch, args=("B",), name="B")
    worker_b.start()
    assert b_has_updated.wait(10)
    resume_a.set()
    time.sleep(0.5)  # A is now inserting, and waits for B's J
    started = time.monotonic()
    resume_b.set()
    worker_b.join(20)
    worker_a.join(20)

    assert not errors
    assert time.monotonic() - started < 0.9, "a deadlock was detected and a batch rolled back"
    assert done == {"B": 2, "A": 0}  # A's two numbers were taken by others meanwhile: its calls wait
    while intake.process_batch():
        pass
    assert Call.objects.filter(outcome="pending").count() == 0
    assert sorted(Supporter.objects.values_list("call_count", flat=True)) == [2, 3]
