"""A personal profile link goes to the supporter's phone, and is then kept out of the stored message."""

import json

import pytest

from sampark.outreach import services
from sampark.outreach.models import OutboundSms
from sampark.supporters.services import profile_url
from sampark.telephony import intake


@pytest.mark.django_db
def test_stored_body_loses_the_link_once_sent(log_call, confirmation_templates, settings):
    log_call("c1", "+91 98765 00001")
    intake.run(once=True)
    message = OutboundSms.objects.select_related("supporter").get()
    link = profile_url(message.supporter)
    assert link in message.body  # queued: the sender needs it

    assert services.deliver_due() == 1
    sent = json.loads((settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text())
    assert link in sent["body"]  # the supporter got it

    message.refresh_from_db()
    assert message.status == "sent"
    assert link not in message.body and message.body.endswith(f"{settings.PUBLIC_URL}/p/[redacted] -SAMPRK")
    assert message.variables == [f"{settings.PUBLIC_URL}/p/[redacted]"]


@pytest.mark.django_db
def test_a_failed_message_loses_it_too(log_call, confirmation_templates):
    log_call("c1", "+91 98765 00001")
    intake.run(once=True)
    # a recipient no key opens fails the message for good (test_sender_unreadable)
    OutboundSms.objects.update(to_cipher=b"\x01" + b"\x00" * 40)
    services.deliver_due()
    message = OutboundSms.objects.get()
    assert message.status == "failed" and message.body.endswith("/p/[redacted] -SAMPRK")
