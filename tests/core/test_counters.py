"""Running totals for /api/v1/stats: the first increment creates the row, every later one adds, none is lost
when processes increment at once."""

import threading

import pytest
from django.db import connection, connections

from sampark.core import counters


@pytest.mark.django_db
def test_first_increment_creates_then_adds():
    assert counters.read("calls_duplicate") == {"calls_duplicate": 0}
    counters.increment("calls_duplicate")
    counters.increment("calls_duplicate", 4)
    counters.increment("calls_duplicate", 0)
    assert counters.read("calls_duplicate", "hooks_refused") == {"calls_duplicate": 5, "hooks_refused": 0}


@pytest.mark.django_db
def test_increment_many_adds_each():
    counters.increment_many({"supporters": 3, "calls_accepted": 7, "calls_rejected": 0})
    counters.increment_many({"supporters": 1, "calls_accepted": 1})
    assert counters.read("supporters", "calls_accepted", "calls_rejected") == {
        "supporters": 4, "calls_accepted": 8, "calls_rejected": 0}


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_are_all_counted():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer: nothing runs at once to race")
    per_thread, threads = 200, 4
    barrier = threading.Barrier(threads)

    def bump():
        try:
            barrier.wait()
            for _ in range(per_thread):
                counters.increment("hooks_refused")  # autocommit: each one its own transaction, like a webhook
        finally:
            connections.close_all()

    workers = [threading.Thread(target=bump) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert counters.read("hooks_refused") == {"hooks_refused": per_thread * threads}
