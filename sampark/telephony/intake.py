"""The intake worker: turns logged calls into supporters, in batches, safe to run twice and in parallel.

One transaction per batch: claim pending calls (FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers take
disjoint calls, from the two ends of the backlog; SQLite has one writer at a time anyway), normalise, upsert
supporters, record touches, consent, call-backs and confirmation SMS, mark the calls processed. A crash rolls
the whole batch back to pending.
"""

import gc
import logging
import time
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.bulk import execute, in_index_order, update_rows
from sampark.core.marks import ResumeMarks
from sampark.core.phones import UnusableNumber, normalise
from sampark.geo import series
from sampark.outreach import services as outreach
from sampark.supporters import services as supporters
from sampark.supporters.models import Touch
from sampark.telephony import pacing
from sampark.telephony.models import Call

log = logging.getLogger(__name__)


# Held for a batch by the worker taking the oldest pending calls; any other worker meanwhile takes the newest.
# Two workers taking neighbouring batches would share many callers (people call again within minutes) and the
# second would wait for the first's commit to add to the same new supporter; from the two ends of a backlog
# they rarely meet. One worker alone always takes the oldest first.
OLDEST_FIRST_LOCK = 0x5A4D_0001
MAX_FAILURES_ONCE = 3  # consecutive failed batches after which `worker --once` stops
SQLITE_CHECKPOINT_PAGES = 10_000  # 4 KiB pages: the WAL is folded into the database every ~40 MB
RESCAN_SECONDS = 10.0  # how often a worker's claims look at its whole end of the queue again (_resume)
# During a burst the SMS sender is nudged at most this often, not after every batch: each nudge is a task row
# committed durably, which on PostgreSQL also waits for the flush of everything the batches wrote before it.
DELIVERY_NUDGE_SECONDS = 1.0
# The pause after a batch that was not full. Claiming again at once took calls a handful at a time, and a batch's
# dozen statements then cost more than its calls: at 1,000 calls/s offered to `sampark serve`, PostgreSQL's two
# workers spent 340 µs of CPU a call (70 in a backlog) while the webhooks needed the cores; paused 0.2 s, 100.
# SQLite's batches hold the one write lock, and a webhook blocked by it sleeps in SQLite's growing steps
# (1, 2, 5, 10, 15 ms ...), so its pauses are short: p99 at 1,000 calls/s was 21-24 ms with 0.05 s, 56-57 ms
# with 0.2 s and 58-83 ms with none. A call waits at most this much longer to become a supporter.
DRAINED_PAUSE_SECONDS = {"postgresql": 0.2, "sqlite": 0.05}
GC_YOUNG_THRESHOLD = 10_000  # allocations between young-generation collections in the worker (settle_process)


def worker_count() -> int:
    """Intake workers `sampark serve` runs: two on PostgreSQL, where SKIP LOCKED lets them share the queue (7.4k
    vs 4.6k calls/s measured); one on SQLite, whose single writer would only make a second one wait."""
    return settings.INTAKE_WORKERS or (2 if connection.vendor == "postgresql" else 1)


class BatchResult(NamedTuple):
    processed: int
    claimed: int  # processed + calls left pending because another worker's batch holds their supporter
    sms_queued: int


# Where this worker's next PostgreSQL claim starts, per end of the queue: just past its last batch in that
# direction, or at the first call that batch left pending (core/marks.py has why). With batches of 500 and no
# marks, one worker's 200,000 calls went quadratic (3,300 calls/s instead of 6,000). A claim that finds nothing
# past its mark looks again from the end.
_resume = ResumeMarks(RESCAN_SECONDS)


def _next_mark(oldest_first: bool, claimed: list[int], left_pending: list[int]) -> int:
    if oldest_first:
        return min(left_pending) - 1 if left_pending else max(claimed)
    return max(left_pending) + 1 if left_pending else min(claimed)


def _claim(limit: int) -> tuple[list[tuple], bool]:
    """(id, number id, caller ciphertext, call time) of pending calls, locked for this batch, and whether they
    were taken from the oldest end.

    The call time comes as the database holds it (a datetime from PostgreSQL's binary results, the ISO text
    SQLite stores, whose order is time order) and only goes back into the database, so it is never converted.
    SQLite removes an index entry when the call is processed, so its claim needs no mark."""
    if connection.vendor == "postgresql":  # binary results: no timestamp parsing from text, no ORM rows
        ((oldest_first,),) = execute("SELECT pg_try_advisory_xact_lock(%s)", [OLDEST_FIRST_LOCK], fetch=True)
        mark = _resume.get(oldest_first)
        rows = _claim_on_postgresql(limit, oldest_first, mark)
        if not rows and mark is not None:
            rows = _claim_on_postgresql(limit, oldest_first, None)
        return rows, oldest_first
    return execute(
        f"SELECT id, number_id, caller_cipher, COALESCE(started_at, received_at) FROM {Call._meta.db_table} "
        "WHERE processed_at IS NULL ORDER BY id LIMIT %s", [limit], fetch=True,
    ), True


def _claim_on_postgresql(limit: int, oldest_first: bool, mark: int | None) -> list[tuple]:
    """The pending index read in id order, stopping at the limit (in_index_order: without statistics the
    planner fetched every pending call and sorted them, for every batch: 87 µs a call in the benchmark)."""
    past_mark = "" if mark is None else f" AND id {'>' if oldest_first else '<'} %s"
    with in_index_order():
        return execute(
            f"SELECT id, number_id, caller_cipher, COALESCE(started_at, received_at) FROM {Call._meta.db_table} "
            f"WHERE processed_at IS NULL{past_mark} ORDER BY id{'' if oldest_first else ' DESC'} LIMIT %s "
            "FOR UPDATE SKIP LOCKED", ([] if mark is None else [mark]) + [limit], fetch=True, binary=True,
        )


def _settle_batch_durability() -> None:
    """What a batch's commit waits for.

    PostgreSQL: not the WAL flush (synchronous_commit off, this transaction only). A crash can lose the last
    batches committed in the flush interval (wal_writer_delay, 200 ms by default); they roll back whole, so
    their calls are pending again and the next batch processes them: nothing lost, nothing twice. Nothing
    outside the database acts on a batch before a durable commit: the SMS sender claims each message in its
    own synchronous commit, which flushes the WAL up to and including this batch.

    SQLite: checkpoint the WAL into the database every ~40 MB rather than every 4 MB. Each checkpoint syncs
    the database file; at the default, nearly every batch paid for one (a fifth of the worker's time).
    """
    if connection.vendor == "postgresql":
        execute("SET LOCAL synchronous_commit = off", [])
    else:
        execute(f"PRAGMA wal_autocheckpoint = {SQLITE_CHECKPOINT_PAGES}", [])


def process_batch(limit: int | None = None) -> int:
    """Process up to ``limit`` pending calls and nudge the SMS sender; returns how many calls were processed
    (0 when the queue is empty)."""
    result = _process_batch(limit)
    if result.sms_queued:
        outreach.enqueue_delivery()
    return result.processed


def _process_batch(limit: int | None = None) -> BatchResult:
    """One batch in one transaction. Calls of a supporter another worker's open batch holds are claimed but
    left pending (supporters.record_missed_calls), for this worker's next batch. The caller nudges the SMS
    sender after the commit."""
    limit = limit or settings.INTAKE_BATCH_SIZE
    with transaction.atomic():
        _settle_batch_durability()
        rows, oldest_first = _claim(limit)
        if not rows:
            return BatchResult(0, 0, 0)
        callers: dict[str, supporters.CallerBatch] = {}
        rejected: dict[str, list[int]] = {}
        index_of_call: dict[int, str] = {}
        for call_id, number_id, cipher, at in rows:
            try:
                phone = normalise(pii.decrypt(cipher))
            except UnusableNumber as exc:
                rejected.setdefault(exc.reason, []).append(call_id)
                continue
            except (InvalidTag, ValueError):
                # A ciphertext no key opens (corruption, a lost key) must not roll back the batch forever and
                # stall every call behind it: reject this one call, loudly, and go on.
                log.error("call %s: caller cannot be decrypted; rejected as unreadable", call_id)
                rejected.setdefault("unreadable", []).append(call_id)
                continue
            index = pii.blind_index(phone.e164)
            index_of_call[call_id] = index
            batch = callers.get(index)
            if batch is None:
                batch = callers[index] = supporters.CallerBatch(
                    phone=phone,
                    number_id=number_id,
                    first_at=at,
                    last_at=at,
                    area_id=series.guess_state_area_id(phone),
                )
            batch.first_at, batch.last_at = min(batch.first_at, at), max(batch.last_at, at)
            batch.call_ids.append(call_id)

        joined = supporters.record_missed_calls(callers) if callers else {}
        left_pending = []
        for index in callers.keys() - joined.keys():  # held by another worker: stays pending
            for call_id in callers.pop(index).call_ids:
                del index_of_call[call_id]
                left_pending.append(call_id)
        _resume.set(_next_mark(oldest_first, [row[0] for row in rows], left_pending), oldest_first)
        now = timezone.now()
        # One touch per supporter per batch, listing its calls: the timeline shows each call (the call rows have
        # their times), and a burst of repeat calls does not write a row per call twice over.
        supporters.add_touches(
            Touch.Kind.MISSED_CALL,
            [(joined[index].supporter_id, batch.last_at, {"calls": batch.call_ids})
             for index, batch in callers.items()],
        )
        _mark_accepted(index_of_call, joined, now)
        for reason, call_ids in rejected.items():
            Call.objects.filter(id__in=call_ids).update(
                outcome=Call.Outcome.REJECTED, reject_reason=reason, processed_at=now
            )
        sms_queued = outreach.queue_confirmations([j for j in joined.values() if j.confirmation_due])
        counters.increment_many(
            {
                "calls_accepted": len(index_of_call),
                "calls_rejected": sum(len(ids) for ids in rejected.values()),
                "supporters": sum(1 for j in joined.values() if j.created),
            }
        )
    return BatchResult(len(index_of_call) + sum(len(ids) for ids in rejected.values()), len(rows), sms_queued)


def _mark_accepted(index_of_call: dict[int, str], joined, now) -> None:
    """Link each accepted call to its supporter."""
    update_rows(Call, ("supporter_id",),
                [(joined[index].supporter_id, call_id) for call_id, index in index_of_call.items()],
                constants={"outcome": Call.Outcome.ACCEPTED.value,
                           "processed_at": connection.ops.adapt_datetimefield_value(now)})


def settle_process() -> None:
    """Garbage collection for a process that only runs batches (`sampark worker`).

    A batch allocates a few container objects per call (rows, tuples, parameter lists), all freed when it ends
    and none in a reference cycle; at the default threshold (700) the collector ran every few hundred calls and
    walked the young objects each time, 4-6% of the worker's time. Django's own objects, loaded once, are frozen
    out of the collector's walks altogether. Cycles are still collected, just less often."""
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def run(*, once: bool = False, idle_sleep: float = 0.2, stop=lambda: False, pacer: pacing.Pacer | None = None) -> int:
    """Process until the queue is empty (once=True) or forever; returns calls processed.

    Forever, a batch that was not full means the queue is drained, and the worker pauses before it claims
    again (DRAINED_PAUSE_SECONDS), so calls arriving at a steady rate are taken dozens or hundreds at a time.
    A backlog is worked through flat out, except while calls are arriving: then at the pace of the arrivals
    (telephony/pacing.py), so the webhooks keep the cores. `--once` is never paced."""
    limit = settings.INTAKE_BATCH_SIZE
    pacer = pacer or pacing.Pacer(pacing.CATCH_UP / worker_count(), limit)
    total = 0
    last_sms_check = last_nudge = 0.0
    sms_waiting = False  # queued by a committed batch, sender not nudged since
    failures = 0
    while not stop():
        started = time.monotonic()
        try:
            done, claimed, sms_queued = _process_batch(limit)
            sms_waiting = sms_waiting or sms_queued > 0
            failures = 0
        except Exception:  # keep the worker alive; the batch rolled back and will be retried
            log.exception("intake batch failed")
            _resume.clear()  # its calls are pending again, behind the mark it left
            failures += 1
            # A failed batch says nothing about the queue: --once retries it (a deadlock victim succeeds next
            # time) and gives up only when batches keep failing.
            done, claimed = 0, (0 if failures > MAX_FAILURES_ONCE else -1)
            time.sleep(1)
        total += done
        drained = 0 <= claimed < limit
        if sms_waiting and (drained or time.monotonic() - last_nudge >= DELIVERY_NUDGE_SECONDS):
            outreach.enqueue_delivery()
            sms_waiting, last_nudge = False, time.monotonic()
        if time.monotonic() - last_sms_check > 60:
            last_sms_check = time.monotonic()
            outreach.enqueue_delivery_if_due()
        if once:
            if claimed == 0:
                break
        elif drained:
            time.sleep(idle_sleep if claimed == 0 else DRAINED_PAUSE_SECONDS[connection.vendor])
        elif claimed > 0:
            limit, pause = pacer.after(claimed, time.monotonic() - started)
            if pause:
                time.sleep(pause)
    return total
