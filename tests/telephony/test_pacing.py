"""While missed calls are arriving, the intake worker and the SMS sender work at a multiple of the arrival rate in
short batches, leaving the cores to the webhooks; with no calls arriving they work flat out."""

import pytest
from django.db import DatabaseError, connection

from sampark.core import pii
from sampark.outreach import services as outreach
from sampark.outreach.models import OutboundSms
from sampark.telephony import intake, pacing
from sampark.telephony.models import Call


class Clock:
    """Moves ``step`` seconds each time it is read: the loops under test read it once per sample."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_arrival_rate_is_the_newest_ids_movement_per_second():
    ids = iter([1000, 1500, 1500])
    clock = iter([10.0, 10.5, 10.6, 11.5])
    arrivals = pacing.ArrivalRate(newest=lambda: next(ids), clock=lambda: next(clock))
    assert arrivals.current() == 0  # the first sample is only where counting starts
    assert arrivals.current() == pytest.approx(1000)  # 500 ids in 0.5 s
    assert arrivals.current() == pytest.approx(1000)  # 0.1 s later: too soon to read the log again
    assert arrivals.current() == 0  # nothing new in a second


def test_a_failed_read_of_the_log_keeps_the_last_rate_instead_of_stopping_the_worker():
    answers = iter([1000, 1500, DatabaseError("connection lost"), 2500])

    def newest() -> int:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    arrivals = pacing.ArrivalRate(newest=newest, clock=Clock(step=1.0))
    arrivals.current()
    assert arrivals.current() == pytest.approx(500)
    assert arrivals.current() == pytest.approx(500)  # the read failed
    assert arrivals.current() == pytest.approx(1000 / 2)  # 1,000 more ids since the last good read, 2 s ago


def test_arrival_rate_reads_the_call_log(log_call):
    # a call before the first look: PostgreSQL's ids continue from other tests' rolled-back rows, and the
    # movement is counted from a real newest id, not from an empty log
    log_call("arr-first", "9876510099")
    clock = Clock(step=1.0)
    arrivals = pacing.ArrivalRate(clock=clock)
    arrivals.current()
    for n in range(3):
        log_call(f"arr{n}", f"98765100{n:02d}")
    assert arrivals.current() == pytest.approx(3)


class FixedRate:
    def __init__(self, rate: float):
        self.rate = rate

    def current(self) -> float:
        return self.rate


def test_no_pause_and_full_batches_while_calls_trickle_in():
    pacer = pacing.Pacer(share=1.0, full_batch=500, arrivals=FixedRate(pacing.BUSY_CALLS_PER_SECOND - 1))
    assert pacer.after(items=500, seconds=0.05) == (500, 0.0)


def test_paced_to_its_share_of_the_arrivals_in_short_batches():
    # two workers share CATCH_UP x 1,000 calls/s: 1,000/s each, so 500 calls are half a second's work
    pacer = pacing.Pacer(share=pacing.CATCH_UP / 2, full_batch=500, arrivals=FixedRate(1000))
    batch, pause = pacer.after(items=500, seconds=0.1)
    assert pause == pytest.approx(0.4)
    assert batch == 1000 * pacing.SLICE_SECONDS[connection.vendor]
    # a batch that already took longer than its share of time: no pause on top
    assert pacer.after(items=100, seconds=0.5)[1] == 0


def test_a_big_batch_from_before_the_calls_came_is_not_paid_back_in_one_long_pause():
    pacer = pacing.Pacer(share=1.0, full_batch=5000, arrivals=FixedRate(100))
    assert pacer.after(items=5000, seconds=0.5)[1] == pacing.MAX_PAUSE_SECONDS


def test_paced_batches_never_shrink_below_the_minimum():
    pacer = pacing.Pacer(share=0.01, full_batch=500, arrivals=FixedRate(100))
    assert pacer.after(items=500, seconds=0)[0] == pacing.MIN_BATCH


def arriving_calls(log_call, per_sample: int):
    """The call log's newest id, after ``per_sample`` more calls have arrived since the last look."""
    arrived = []

    def newest() -> int:
        for _ in range(per_sample):
            n = len(arrived)
            arrived.append(log_call(f"live{n}", f"9876{n:06d}"))
        return pacing.newest_call_id()

    return newest


def test_worker_paces_its_backlog_while_calls_arrive(log_call, monkeypatch, settings):
    settings.INTAKE_BATCH_SIZE = 100
    for n in range(300):
        log_call(f"backlog{n}", f"9811{n:06d}")
    newest = arriving_calls(log_call, per_sample=60)  # 60 calls per 0.5 s sample: 120 calls/s
    pacer = pacing.Pacer(share=1.0, full_batch=100, arrivals=pacing.ArrivalRate(newest, clock=Clock(0.5)))
    pauses = []
    monkeypatch.setattr(intake.time, "sleep", pauses.append)
    loops = iter(range(5))
    intake.run(stop=lambda: next(loops) == 4, pacer=pacer)
    # batch 1 (100 calls) only starts the count; then 120 calls/s: 100 calls take 100/120 s, the next batches
    # hold a slice's worth (a quarter of a second on PostgreSQL: 30 calls; SQLite's floor: 20)
    assert pauses[0] == pytest.approx(100 / 120, rel=0.2)
    assert all(pause > 0 for pause in pauses)
    paced = max(pacing.MIN_BATCH, int(120 * pacing.SLICE_SECONDS[connection.vendor]))
    assert Call.objects.filter(processed_at__isnull=False).count() == 100 + 100 + paced + paced


def test_worker_is_not_paced_when_no_calls_arrive(log_call, monkeypatch, settings):
    settings.INTAKE_BATCH_SIZE = 100
    for n in range(250):
        log_call(f"backlog{n}", f"9811{n:06d}")
    pacer = pacing.Pacer(share=1.0, full_batch=100, arrivals=pacing.ArrivalRate(clock=Clock(0.5)))
    pauses = []
    monkeypatch.setattr(intake.time, "sleep", pauses.append)
    loops = iter(range(4))
    intake.run(stop=lambda: next(loops) == 3, pacer=pacer)
    # 100, 100, then 50 (drained): only the pause of a drained queue
    assert Call.objects.filter(processed_at__isnull=True).count() == 0
    assert pauses == [intake.DRAINED_PAUSE_SECONDS[connection.vendor]]


@pytest.fixture
def queued_sms(confirmation_templates):
    now = outreach.timezone.now()
    OutboundSms.objects.bulk_create([OutboundSms(
        public_id=f"pace{i:08d}", to_cipher=pii.encrypt(f"+91987651{i:04d}"), template=confirmation_templates[0],
        body=f"message {i}", variables=[], not_before=now, created_at=now) for i in range(400)])


def test_sender_paces_itself_while_calls_arrive(queued_sms, log_call, monkeypatch):
    newest = arriving_calls(log_call, per_sample=50)  # 100 calls/s
    pacer = pacing.Pacer(share=2.0, full_batch=100, arrivals=pacing.ArrivalRate(newest, clock=Clock(0.5)))
    pauses = []
    monkeypatch.setattr(outreach.time_module, "sleep", pauses.append)
    assert outreach.deliver_all(pacer) == (400, True)
    # 100 (the count starts), 100, then paced at 200 messages/s in a slice's worth (PostgreSQL 50, SQLite 20):
    # a pause after each chunk (chunks of 100 would have made 3 pauses)
    chunk = max(pacing.MIN_BATCH, int(200 * pacing.SLICE_SECONDS[connection.vendor]))
    assert len(pauses) == 1 + 200 // chunk
    assert pauses[0] == pytest.approx(100 / 200, abs=0.2)
    assert pauses[1:] == pytest.approx([chunk / 200] * (200 // chunk), abs=0.05)
    assert OutboundSms.objects.filter(status="sent").count() == 400


def test_sender_sends_flat_out_when_no_calls_arrive(queued_sms, monkeypatch):
    pacer = pacing.Pacer(share=2.0, full_batch=150, arrivals=pacing.ArrivalRate(clock=Clock(0.5)))
    pauses = []
    monkeypatch.setattr(outreach.time_module, "sleep", pauses.append)
    assert outreach.deliver_all(pacer) == (400, True)
    assert pauses == []
