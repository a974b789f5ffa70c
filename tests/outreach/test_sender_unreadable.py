"""A queued message whose recipient no key can decrypt fails on its own; the messages behind it still go out."""

import json

from sampark.core import pii
from sampark.outreach import services
from sampark.outreach.models import OutboundSms


def test_an_undecryptable_recipient_fails_that_message_and_the_queue_moves_on(confirmation_templates, settings):
    now = services.timezone.now()
    template = confirmation_templates[0]
    good = pii.encrypt("+919876500001")
    corrupted = good[:-1] + bytes([good[-1] ^ 1])  # the AEAD tag no longer matches
    OutboundSms.objects.bulk_create([
        OutboundSms(public_id="unread000001", to_cipher=corrupted, template=template, body="first in the queue",
                    variables=[], not_before=now, created_at=now),
        OutboundSms(public_id="unread000002", to_cipher=good, template=template, body="behind it",
                    variables=[], not_before=now, created_at=now),
    ])

    assert services.deliver_due() == 1
    assert services.deliver_due() == 0  # not retried: no key will ever open it

    failed = OutboundSms.objects.get(public_id="unread000001")
    assert (failed.status, failed.error) == ("failed", "recipient cannot be decrypted")
    assert OutboundSms.objects.get(public_id="unread000002").status == "sent"
    lines = [json.loads(line) for line in (settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == ["unread000002"]
