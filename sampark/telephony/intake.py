"""The intake worker: turns logged calls into supporters, in batches, safe to run twice and in parallel.

One transaction per batch: claim pending calls (FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers take
disjoint calls; SQLite has one writer at a time anyway), normalise, upsert supporters, record touches, consent,
call-backs and confirmation SMS, mark the calls processed. A crash rolls the whole batch back to pending.
"""

import logging
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.phones import UnusableNumber, normalise
from sampark.geo import series
from sampark.outreach import services as outreach
from sampark.supporters import services as supporters
from sampark.supporters.models import Touch
from sampark.telephony.models import Call

log = logging.getLogger(__name__)


def _claim(limit: int) -> list[tuple]:
    pending = Call.objects.filter(processed_at__isnull=True).order_by("id")
    if connection.features.has_select_for_update_skip_locked:
        pending = pending.select_for_update(skip_locked=True)
    return list(pending.values_list("id", "number_id", "caller_cipher", "received_at", "started_at")[:limit])


def process_batch(limit: int | None = None) -> int:
    """Process up to ``limit`` pending calls; returns how many were processed (0 when the queue is empty)."""
    limit = limit or settings.INTAKE_BATCH_SIZE
    with transaction.atomic():
        rows = _claim(limit)
        if not rows:
            return 0
        callers: dict[str, supporters.CallerBatch] = {}
        rejected: dict[str, list[int]] = {}
        index_of_call: dict[int, str] = {}
        for call_id, number_id, cipher, received_at, started_at in rows:
            at = started_at or received_at
            try:
                phone = normalise(pii.decrypt(cipher))
            except UnusableNumber as exc:
                rejected.setdefault(exc.reason, []).append(call_id)
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
        now = timezone.now()
        supporters.add_touches(
            Touch.Kind.MISSED_CALL,
            [
                (joined[index_of_call[call_id]].supporter_id, started_at or received_at, {"call": call_id})
                for call_id, _n, _c, received_at, started_at in rows
                if call_id in index_of_call
            ],
        )
        _mark_accepted(index_of_call, joined, now)
        for reason, call_ids in rejected.items():
            Call.objects.filter(id__in=call_ids).update(
                outcome=Call.Outcome.REJECTED, reject_reason=reason, processed_at=now
            )
        due = supporters.claim_confirmations([j.supporter_id for j in joined.values()])
        outreach.queue_confirmations(due)
        counters.increment_many(
            {
                "calls_accepted": len(index_of_call),
                "calls_rejected": sum(len(ids) for ids in rejected.values()),
                "supporters": sum(1 for j in joined.values() if j.created),
            }
        )
    return len(rows)


def _mark_accepted(index_of_call: dict[int, str], joined, now) -> None:
    """One UPDATE per supporter would be thousands of statements; group the calls by supporter instead."""
    by_supporter: dict[int, list[int]] = {}
    for call_id, index in index_of_call.items():
        by_supporter.setdefault(joined[index].supporter_id, []).append(call_id)
    table = Call._meta.db_table
    adapt = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        # Most supporters have one call in a batch: update them with a CASE over a chunk of ids.
        single_pairs = [(ids[0], sid) for sid, ids in by_supporter.items() if len(ids) == 1]
        for start in range(0, len(single_pairs), 500):
            chunk = single_pairs[start : start + 500]
            cases = " ".join(["WHEN %s THEN %s"] * len(chunk))
            params = [v for pair in chunk for v in pair] + [adapt] + [call_id for call_id, _ in chunk]
            cursor.execute(
                f"UPDATE {table} SET outcome = 'accepted', supporter_id = CASE id {cases} END, processed_at = %s "
                f"WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                params,
            )
        for sid, ids in by_supporter.items():
            if len(ids) > 1:
                cursor.execute(
                    f"UPDATE {table} SET outcome = 'accepted', supporter_id = %s, processed_at = %s "
                    f"WHERE id IN ({', '.join(['%s'] * len(ids))})",
                    [sid, adapt, *ids],
                )


def run(*, once: bool = False, idle_sleep: float = 0.2, stop=lambda: False) -> int:
    """Process until the queue is empty (once=True) or forever; returns calls processed."""
    total = 0
    last_sms_check = 0.0
    while not stop():
        try:
            done = process_batch()
        except Exception:  # keep the worker alive; the batch rolled back and will be retried
            log.exception("intake batch failed")
            done = 0
            time.sleep(1)
        total += done
        if time.monotonic() - last_sms_check > 60:
            last_sms_check = time.monotonic()
            outreach.enqueue_delivery_if_due()
        if done == 0:
            if once:
                break
            time.sleep(idle_sleep)
    return total
