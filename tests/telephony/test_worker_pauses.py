"""The running worker claims again at once while the queue is backed up, and pauses once it is drained, so
calls arriving at a steady rate are taken many at a time rather than a handful per batch."""

from django.db import connection

from sampark.telephony import intake
from sampark.telephony.models import Call


def run_batches(monkeypatch, batches: int) -> list[float]:
    """Run the worker for ``batches`` loops; return the pauses it took between them."""
    pauses = []
    monkeypatch.setattr(intake.time, "sleep", pauses.append)
    loops = iter(range(batches + 1))
    intake.run(stop=lambda: next(loops) == batches)
    return pauses


def test_backlog_is_claimed_without_pausing_then_the_worker_pauses(log_call, monkeypatch, settings):
    settings.INTAKE_BATCH_SIZE = 2
    for n in range(5):
        log_call(f"c{n}", f"98765000{n:02d}")
    # full, full, then 1 call (drained): pause; then nothing: the longer idle sleep
    pauses = run_batches(monkeypatch, 4)
    assert pauses == [intake.DRAINED_PAUSE_SECONDS[connection.vendor], 0.2]
    assert not Call.objects.filter(processed_at__isnull=True).exists()


def test_once_never_pauses(log_call, monkeypatch, settings):
    settings.INTAKE_BATCH_SIZE = 2
    for n in range(3):
        log_call(f"c{n}", f"98765000{n:02d}")
    pauses = []
    monkeypatch.setattr(intake.time, "sleep", pauses.append)
    assert intake.run(once=True) == 3
    assert pauses == []
