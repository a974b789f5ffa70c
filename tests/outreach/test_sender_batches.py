"""The sender claims and records messages in batches: no message claimed twice, none sent twice, and what went out
before a failure is written down."""

import json

import pytest

from sampark.core import counters, pii
from sampark.outreach import services
from sampark.outreach.backends import file
from sampark.outreach.models import OutboundSms


@pytest.fixture
def queued(confirmation_templates):
    now = services.timezone.now()
    template = confirmation_templates[0]
    OutboundSms.objects.bulk_create([OutboundSms(
        public_id=f"bat{i:09d}", to_cipher=pii.encrypt(f"+91987650{i:04d}"), template=template, body=f"message {i}",
        variables=[f"v{i}"], not_before=now, created_at=now) for i in range(services.RECORD_EVERY * 2 + 7)])
    return list(OutboundSms.objects.order_by("id"))


def test_two_senders_reading_the_same_messages_claim_each_once(queued):
    first = services._claim(queued)  # both read the queue before either claimed
    second = services._claim(queued)
    assert first == {message.pk for message in queued}
    assert second == set()
    assert set(OutboundSms.objects.values_list("attempts", flat=True)) == {1}


def test_every_message_is_sent_once_and_recorded(queued, settings):
    assert services.deliver_due() == len(queued)
    assert services.deliver_due() == 0
    lines = [json.loads(line) for line in (settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text().splitlines()]
    assert sorted(line["id"] for line in lines) == sorted(message.public_id for message in queued)
    assert set(OutboundSms.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert all(message_id.startswith("file:") for message_id in
               OutboundSms.objects.values_list("provider_message_id", flat=True))
    assert counters.read("sms_sent")["sms_sent"] == len(queued)


def test_a_backend_that_raises_keeps_what_went_out_before_it(queued, monkeypatch):
    real_send, sent_ids = file.send, []
    breaks_at = services.RECORD_EVERY + 3  # mid-way through the second batch of results

    def send(message):
        if len(sent_ids) == breaks_at:
            raise RuntimeError("backend bug")
        sent_ids.append(message.public_id)
        return real_send(message)

    monkeypatch.setattr(file, "send", send)
    with pytest.raises(RuntimeError):
        services.deliver_due()
    assert set(OutboundSms.objects.filter(status="sent").values_list("public_id", flat=True)) == set(sent_ids)
    # the rest were claimed but never sent: still queued, they go out on the next run, once
    monkeypatch.setattr(file, "send", real_send)
    assert services.deliver_due() == len(queued) - breaks_at
    assert OutboundSms.objects.filter(status="sent").count() == len(queued)


def test_a_message_that_appears_behind_the_read_mark_is_still_sent(queued, confirmation_templates):
    assert services.deliver_due() == len(queued)
    # a batch that committed late: its message is due from before the last one the sender read
    earlier = queued[0].not_before - services.timedelta(seconds=1)
    late = OutboundSms.objects.create(
        public_id="late00000001", to_cipher=pii.encrypt("+919876599999"), template=confirmation_templates[0],
        body="late", variables=["v"], not_before=earlier, created_at=earlier)
    assert services.deliver_due() == 1  # nothing past the mark: the sender looks from the start
    late.refresh_from_db()
    assert late.status == "sent"


def test_reads_resume_past_the_last_message_read(queued):
    services._resume.clear()
    first = services._due(services.timezone.now(), 10)
    second = services._due(services.timezone.now(), 10)  # nothing claimed in between: still a new ten
    assert [m.pk for m in first] == [m.pk for m in queued[:10]]
    assert [m.pk for m in second] == [m.pk for m in queued[10:20]]
