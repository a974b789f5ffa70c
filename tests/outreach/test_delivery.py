"""Queued SMS go out through the configured backend once, at the right time, with retries for passing failures."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sampark.core import counters, pii
from sampark.outreach import services
from sampark.outreach.backends.base import SendResult
from sampark.outreach.models import Category, OutboundSms

IST = ZoneInfo("Asia/Kolkata")


@pytest.fixture
def queue(confirmation_templates):
    def _queue(category=Category.SERVICE_IMPLICIT, n=1):
        template = confirmation_templates[0]
        template.category = category
        template.save()
        now = services.timezone.now()
        return [OutboundSms.objects.create(
            public_id=f"sms{i:09d}", to_cipher=pii.encrypt(f"+9198765000{i:02d}"), template=template,
            body=f"message {i}", variables=[f"v{i}"], not_before=services.not_before_for(template, now),
            created_at=now) for i in range(n)]
    return _queue


@pytest.mark.parametrize(("local", "expected"), [
    ("2026-11-22 09:59", "2026-11-22 10:00"),
    ("2026-11-22 10:00", "2026-11-22 10:00"),
    ("2026-11-22 20:59", "2026-11-22 20:59"),
    ("2026-11-22 21:00", "2026-11-23 10:00"),
    ("2026-11-22 23:30", "2026-11-23 10:00"),
])
def test_promotional_window_is_10_to_21_ist(local, expected):
    at = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=IST)
    assert services.promotional_window_start(at).astimezone(IST).strftime("%Y-%m-%d %H:%M") == expected


def test_promotional_sms_is_held_until_ten(queue, settings):
    with time_machine.travel(datetime(2026, 11, 22, 22, 0, tzinfo=IST), tick=False) as clock:
        queue(Category.PROMOTIONAL)
        assert services.deliver_due() == 0
        clock.move_to(datetime(2026, 11, 23, 10, 0, 1, tzinfo=IST))
        assert services.deliver_due() == 1
    assert OutboundSms.objects.get().status == "sent"


def test_service_sms_goes_at_night(queue):
    with time_machine.travel(datetime(2026, 11, 22, 23, 0, tzinfo=IST), tick=False):
        queue(Category.SERVICE_IMPLICIT)
        assert services.deliver_due() == 1


def test_file_backend_writes_each_message_once(queue, settings):
    queue(n=3)
    assert services.deliver_due() == 3
    assert services.deliver_due() == 0
    lines = [json.loads(line) for line in (settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text().splitlines()]
    assert sorted(line["to"] for line in lines) == ["+919876500000", "+919876500001", "+919876500002"]
    assert counters.read("sms_sent")["sms_sent"] == 3


def test_passing_failures_are_retried_later_and_permanent_ones_stop(queue, monkeypatch):
    from sampark.outreach.backends import file

    retry, permanent = queue(n=2)
    outcomes = {retry.public_id: SendResult(ok=False, error="HTTP 503", retryable=True),
                permanent.public_id: SendResult(ok=False, error="HTTP 400 bad template", retryable=False)}
    monkeypatch.setattr(file, "send", lambda message: outcomes[message.public_id])  # the provider's answers
    with time_machine.travel(services.timezone.now(), tick=False) as clock:
        assert services.deliver_due() == 0
        retry.refresh_from_db()
        permanent.refresh_from_db()
        assert (retry.status, retry.attempts, retry.error) == ("queued", 1, "HTTP 503")
        assert retry.not_before > services.timezone.now()
        assert (permanent.status, permanent.error) == ("failed", "HTTP 400 bad template")
        clock.shift(120)
        outcomes[retry.public_id] = SendResult(ok=True, provider_message_id="p-1")
        assert services.deliver_due() == 1
    retry.refresh_from_db()
    assert (retry.status, retry.provider_message_id) == ("sent", "p-1")
