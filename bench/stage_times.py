"""Where the intake worker's time goes, without a profiler's overhead: wraps each stage of process_batch in a
timer, runs the worker over the pending calls, prints seconds and microseconds per call for each stage.

    python bench/stage_times.py            # with the bench's SAMPARK_DATA_DIR / DATABASE_URL

Stages that call each other are nested: record_missed_calls includes its Consent/Callback inserts, etc.
"""

import functools
import os
import time
from collections import defaultdict

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from sampark.core import counters, ids, pii  # noqa: E402
from sampark.outreach import services as outreach  # noqa: E402
from sampark.supporters import services as supporters  # noqa: E402
from sampark.telephony import intake  # noqa: E402

spent: dict[str, float] = defaultdict(float)


def timed(module, name, label=None):
    """Wrap module.name in a timer; quietly skip stages the code no longer has (it changes under us)."""
    original = getattr(module, name, None)
    if original is None:
        return

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label or name] += time.perf_counter() - started

    setattr(module, name, wrapper)


for module, name in [
    (intake, "_claim"),
    (intake, "_mark_accepted"),
    (supporters, "record_missed_calls"),
    (supporters, "add_touches"),
    (supporters, "claim_confirmations"),
    (outreach, "queue_confirmations"),
    (outreach, "profile_url"),
    (counters, "increment_many"),
]:
    timed(module, name)
timed(intake, "normalise", "normalise (phonenumbers, cached)")
from django.db import connection  # noqa: E402

connection.ensure_connection()
timed(connection, "commit", "commit (SQLite: with its WAL checkpoints)")
timed(intake.series, "guess_state_area_id", "series.guess_state_area_id")
for name in ("decrypt", "encrypt", "blind_index", "mask", "sign"):
    timed(pii, name, f"pii.{name}")
timed(supporters, "public_id", "ids.public_id (in record_missed_calls)")
timed(outreach, "public_id", "ids.public_id (in queue_confirmations)")
if hasattr(supporters, "insert_rows"):
    timed(supporters, "insert_rows", "bulk.insert_rows (in supporters)")
    timed(outreach, "insert_rows", "bulk.insert_rows (in outreach)")
_ = ids

intake.settle_process()  # as `sampark worker` does
started = time.perf_counter()
done = intake.run(once=True)
total = time.perf_counter() - started
print(f"{done} calls in {total:.2f} s: {done / total:,.0f} calls/s")
for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
    print(f"  {seconds:7.2f} s  {seconds / max(done, 1) * 1e6:7.1f} µs/call  {label}")
