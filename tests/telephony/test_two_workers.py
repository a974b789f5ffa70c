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
