"""Background work yields to live webhooks: while missed calls are arriving, the intake workers and the SMS
sender work at a multiple of the arrival rate, in short batches, instead of flat out.

Why: on two cores, 1,000 calls/s offered to `sampark serve` while its workers drained a backlog (100,000
pending calls, 158,000 queued SMS) gave webhook p99 154 ms; with the workers stopped, 9 ms; paced, 35-37 ms
(README and bench/backlog_ab.sh have the side-by-side runs).
The workers run at nice 10, but the PostgreSQL backends that do their batches' work do not, and each batch was
a burst of a core's worth of database work that the webhooks queued behind. A provider waits on every
webhook, and one that times out may count the call as failed; the call log and the SMS queue can absorb a
worker that falls behind for a while, and catch up when the calls slow down.

The arrival rate is read from the call log itself (how far its newest id moved), so workers on other
machines pace themselves the same way and nothing has to be shared between processes.
"""

import logging
import time
from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.models import Max

from sampark.telephony.models import Call

log = logging.getLogger(__name__)

# Calls a second below which nobody waits on a worker: it runs flat out.
BUSY_CALLS_PER_SECOND = 50
# While paced, the intake workers together process this many times the arrival rate (and the sender sends as
# many messages), so a backlog still shrinks by the arrival rate each second, and a queue that is drained
# stays drained.
CATCH_UP = 2.0
# A paced batch holds about this long's worth of work, so the database's share of it comes in short bursts
# between webhooks rather than one long one. Shorter on SQLite, where a batch holds the one write lock from
# start to end and every webhook that arrives meanwhile waits for it (a fiftieth of a second measured no
# better than a twentieth: the difference was inside the noise).
SLICE_SECONDS = {"postgresql": 0.25, "sqlite": 0.05}
MIN_BATCH = 20
# A batch taken flat out just before the calls started would otherwise be paid back at the paced rate (5,000
# calls at 120 calls/s: a 40 s pause); the rate is read again before the next, smaller batch anyway.
MAX_PAUSE_SECONDS = 1.0
SAMPLE_SECONDS = 0.25  # the arrival rate is measured over at least this long


def newest_call_id() -> int:
    return Call.objects.aggregate(newest=Max("id"))["newest"] or 0


class ArrivalRate:
    """Calls a second arriving in the call log, from the movement of its newest id between samples at least
    SAMPLE_SECONDS apart (ids refused as duplicates count too on PostgreSQL: near enough for pacing)."""

    def __init__(self, newest: Callable[[], int] = newest_call_id, clock: Callable[[], float] | None = None):
        self._newest, self._clock = newest, clock or time.monotonic
        self._last: tuple[float, int] | None = None
        self._rate = 0.0

    def current(self) -> float:
        now = self._clock()
        if self._last is None or now - self._last[0] >= SAMPLE_SECONDS:
            try:
                newest = self._newest()
            except DatabaseError:
                # the worker's own next batch will meet the same trouble and handle it; pacing is no reason to die
                log.warning("arrival rate: the call log could not be read; keeping %.0f calls/s", self._rate)
                return self._rate
            if self._last is not None:
                self._rate = max(0, newest - self._last[1]) / (now - self._last[0])
            self._last = (now, newest)
        return self._rate


class Pacer:
    """For a loop that takes batches of work: after each batch, how big the next may be and how long to pause
    first. ``share`` is this loop's part of the arrival rate (CATCH_UP divided among the loops doing one job)."""

    def __init__(self, share: float, full_batch: int, arrivals: ArrivalRate | None = None):
        self.share, self.full_batch = share, full_batch
        self.arrivals = arrivals or ArrivalRate()
        self.slice_seconds = SLICE_SECONDS[connection.vendor]

    def after(self, items: int, seconds: float) -> tuple[int, float]:
        """``items`` done in ``seconds``: (next batch size, pause before it)."""
        rate = self.arrivals.current()
        if rate < BUSY_CALLS_PER_SECOND:
            return self.full_batch, 0.0
        allowed = self.share * rate  # items a second
        batch = max(MIN_BATCH, min(self.full_batch, int(allowed * self.slice_seconds)))
        return batch, min(MAX_PAUSE_SECONDS, max(0.0, items / allowed - seconds))
