"""The intake worker: logged calls become supporters exactly once, whatever the number's format."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.marks import ResumeMarks
from sampark.outreach.models import OutboundSms
from sampark.supporters.models import Callback, Consent, Supporter, Touch
from sampark.telephony import intake
from sampark.telephony.models import Call


def calls_on_timeline(supporter) -> list[int]:
    """The calls a supporter's timeline shows: missed-call touches list them (one touch per worker batch)."""
    touches = Touch.objects.filter(supporter=supporter, kind="missed_call")
    return sorted(call_id for detail in touches.values_list("detail", flat=True) for call_id in detail["calls"])


# Fictitious numbers; the test never sends anything anywhere.
FORMATS = ["+91 98765 00001", "098765 00001", "919876500001", "9876500001"]


def test_every_format_of_one_number_is_one_supporter(log_call, confirmation_templates):
    for n, raw in enumerate(FORMATS):
        assert log_call(f"c{n}", raw)
    assert intake.run(once=True) == 4

    supporter = Supporter.objects.get()
    assert supporter.call_count == 4
    assert supporter.phone_hint == "+91 98XXXXXX01"
    assert pii.decrypt(supporter.phone_cipher) == "+919876500001"
    assert supporter.phone_index == pii.blind_index("+919876500001")
    assert supporter.stage == "new" and supporter.language == "hi"
    assert supporter.first_call_at <= supporter.last_call_at
    assert supporter.notice_version
    assert calls_on_timeline(supporter) == sorted(Call.objects.values_list("id", flat=True))
    assert Consent.objects.filter(supporter=supporter, purpose="join", granted=True).count() == 1
    assert Callback.objects.filter(supporter=supporter, status="pending").count() == 1
    assert set(Call.objects.values_list("outcome", flat=True)) == {"accepted"}
    assert counters.read("supporters", "calls_accepted") == {"supporters": 1, "calls_accepted": 4}


def test_clear_number_is_not_stored_anywhere(log_call, confirmation_templates):
    log_call("c1", "+91 98765 00001")
    intake.run(once=True)
    from django.db import connection

    with connection.cursor() as cursor:
        for model in (Call, Supporter, Touch, OutboundSms):
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")
            dump = repr(cursor.fetchall())
            assert "9876500001" not in dump, model


def test_running_twice_processes_nothing_twice(log_call, confirmation_templates):
    log_call("c1", "9876500001")
    assert intake.run(once=True) == 1
    assert intake.run(once=True) == 0
    assert Supporter.objects.get().call_count == 1
    assert calls_on_timeline(Supporter.objects.get()) == list(Call.objects.values_list("id", flat=True))
    assert OutboundSms.objects.count() == 1


def test_redelivered_call_is_one_call(log_call):
    assert log_call("same", "9876500001") is True
    assert log_call("same", "9876500001") is False
    assert Call.objects.count() == 1
    assert counters.read("calls_duplicate")["calls_duplicate"] == 1


@pytest.mark.parametrize(("raw", "reason"), [
    ("", "missing"), ("anonymous", "withheld"), ("Unknown", "withheld"), ("private", "withheld"),
    ("+266696687", "withheld"), ("12345", "invalid"), ("'; DROP TABLE supporters;--", "invalid"),
    ("<script>alert(1)</script>", "invalid"), ("९८७६", "invalid"), ("+91 00000 00000", "invalid"),
])
def test_unusable_callers_are_rejected_with_their_reason(log_call, raw, reason):
    log_call("c1", raw)
    intake.run(once=True)
    call = Call.objects.get()
    assert (call.outcome, call.reject_reason) == ("rejected", reason)
    assert Supporter.objects.count() == 0
    assert counters.read("calls_rejected")["calls_rejected"] == 1


def test_foreign_numbers_join_but_get_no_indian_sms(log_call, confirmation_templates):
    log_call("c1", "+44 7400 123456")  # UK mobile range set aside for drama
    log_call("c2", "+91 11 2345 6789")  # Delhi landline: joins, cannot get SMS
    intake.run(once=True)
    assert Supporter.objects.count() == 2
    assert set(Supporter.objects.values_list("phone_region", flat=True)) == {"GB", "IN"}
    assert OutboundSms.objects.count() == 0


def test_one_confirmation_per_24_hours(log_call, confirmation_templates, settings):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_call("c1", "9876500001")
        intake.run(once=True)
        clock.shift(timedelta(hours=23))
        log_call("c2", "9876500001")
        intake.run(once=True)
        assert OutboundSms.objects.count() == 1
        clock.shift(timedelta(hours=2))
        log_call("c3", "9876500001")
        intake.run(once=True)
        assert OutboundSms.objects.count() == 2


def test_confirmation_sms_carries_the_personal_link_in_hindi(log_call, confirmation_templates, settings):
    from sampark.outreach.services import deliver_due
    from sampark.supporters.services import profile_url

    log_call("c1", "9876500001")
    intake.run(once=True)
    assert deliver_due() == 1
    line = json.loads((settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text().splitlines()[0])
    supporter = Supporter.objects.get()
    assert line["to"] == "+919876500001"
    assert profile_url(supporter) in line["body"]
    assert "धन्यवाद" in line["body"]
    assert line["template_id"] == confirmation_templates[0].dlt_template_id
    assert line["header"] == "SAMPRK" and line["category"] == "service_implicit"


def test_state_is_guessed_from_the_number_series(log_call, confirmation_templates):
    from sampark.geo.models import Area, NumberSeries

    country = Area.objects.create(code="IN", level="country", name_en="India", name_hi="भारत", path="IN")
    up = Area.objects.create(code="UP", parent=country, level="state", name_en="Uttar Pradesh",
                             name_hi="उत्तर प्रदेश", path="IN.UP")
    NumberSeries.objects.create(prefix="9876", operator="Test", circle_code="UE", circle="UP (East)")
    log_call("c1", "9876500001")
    log_call("c2", "9123400001")  # series not in the table: no guess
    intake.run(once=True)
    guessed = Supporter.objects.get(phone_index=pii.blind_index("+919876500001"))
    assert (guessed.area, guessed.area_is_guess) == (up, True)
    other = Supporter.objects.get(phone_index=pii.blind_index("+919123400001"))
    assert (other.area, other.area_is_guess) == (None, False)


def test_an_unreadable_call_is_rejected_and_does_not_stall_the_queue(log_call, confirmation_templates):
    log_call("c1", "9876500001")
    log_call("c2", "9876500002")
    broken = Call.objects.get(provider_call_id="c1")
    Call.objects.filter(pk=broken.pk).update(caller_cipher=b"\x01" + b"\x00" * 40)  # tampered ciphertext
    assert intake.run(once=True) == 2
    broken.refresh_from_db()
    assert (broken.outcome, broken.reject_reason) == ("rejected", "unreadable")
    assert Call.objects.get(provider_call_id="c2").outcome == "accepted"
    assert Supporter.objects.count() == 1


def test_worker_once_retries_a_failed_batch_instead_of_stopping(log_call, confirmation_templates, monkeypatch):
    """A batch can fail for a passing reason (a deadlock victim on PostgreSQL); `worker --once` must not take
    that for an empty queue and leave the calls pending."""
    for n in range(3):
        log_call(f"call-{n}", f"98765000{n:02d}")
    real_batch, attempts = intake._process_batch, []

    def fails_once(limit=None):
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("deadlock detected")
        return real_batch(limit)

    monkeypatch.setattr(intake, "_process_batch", fails_once)
    monkeypatch.setattr(intake.time, "sleep", lambda seconds: None)
    assert intake.run(once=True) == 3
    assert Call.objects.filter(outcome="pending").count() == 0


def test_worker_once_stops_when_batches_keep_failing(log_call, monkeypatch):
    log_call("call-1", "9876500001")

    def always_fails(limit=None):
        raise RuntimeError("database is gone")

    monkeypatch.setattr(intake, "_process_batch", always_fails)
    monkeypatch.setattr(intake.time, "sleep", lambda seconds: None)
    assert intake.run(once=True) == 0


def test_the_sms_sender_is_nudged_once_a_second_in_a_burst_and_after_the_last_batch(
    log_call, confirmation_templates, monkeypatch, settings
):
    """A nudge after every batch was a durable commit per batch (on PostgreSQL, a wait for the flush of all the
    batch wrote); but no confirmation may be left without a nudge after it when the queue runs dry."""
    from sampark.outreach.models import OutboundSms

    settings.INTAKE_BATCH_SIZE = 5
    for n in range(40):
        log_call(f"call-{n}", f"98765{n:05d}")
    queued_at_nudge = []
    monkeypatch.setattr(
        intake.outreach, "enqueue_delivery", lambda: queued_at_nudge.append(OutboundSms.objects.count())
    )

    assert intake.run(once=True) == 40

    assert 1 <= len(queued_at_nudge) < 8  # 8 batches, each queueing SMS
    assert queued_at_nudge[-1] == OutboundSms.objects.count() == 40


@pytest.mark.skipif(connection.vendor != "postgresql", reason="dead index entries are PostgreSQL's (MVCC)")
def test_a_claim_starts_past_the_last_batch_and_still_finds_every_call(log_call, confirmation_templates, monkeypatch):
    """Processed calls stay in PostgreSQL's pending index as dead entries until vacuum: a claim from the start
    of the index would step over all of them, batch after batch. It starts where the last batch ended; when
    nothing is left past that, it looks once more from the start, so no call is left behind."""
    for n in range(30):
        log_call(f"call-{n}", f"98765{n:05d}")
    marks, real_claim = [], intake._claim_on_postgresql

    def claim(limit, oldest_first, mark):
        marks.append(mark)
        return real_claim(limit, oldest_first, mark)

    monkeypatch.setattr(intake, "_resume", ResumeMarks(intake.RESCAN_SECONDS))
    monkeypatch.setattr(intake, "_claim_on_postgresql", claim)
    while intake.process_batch(limit=10):
        pass

    ids = sorted(Call.objects.values_list("id", flat=True))
    assert marks == [None, ids[9], ids[19], ids[29], None]
    assert Call.objects.filter(outcome="pending").count() == 0
