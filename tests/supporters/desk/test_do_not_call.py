"""do_not_call: no call-back and no SMS to that number, even after a new missed call; only the supporter lifts it,
on their profile page."""

import pytest
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core import pii
from sampark.outreach import services as outreach
from sampark.outreach.models import OutboundSms
from sampark.supporters.desk import queue, services
from sampark.supporters.desk.models import DoNotCall
from sampark.supporters.models import Callback, Supporter
from sampark.supporters.services import profile_token
from sampark.telephony import intake


def block(phone: str) -> None:
    DoNotCall.objects.create(phone_index=pii.blind_index(phone), at=timezone.now())


def test_a_new_missed_call_from_a_blocked_number_gets_no_call_back_and_no_sms(
        log_call, confirmation_templates, areas):
    block("+919876500001")
    assert log_call("c1", "+91 98765 00001") and log_call("c2", "+91 98765 00002")
    intake.run(once=True)

    blocked = Supporter.objects.get(phone_index=pii.blind_index("+919876500001"))
    other = Supporter.objects.get(phone_index=pii.blind_index("+919876500002"))
    assert not Callback.objects.filter(supporter=blocked).exists()
    assert Callback.objects.filter(supporter=other, status="pending").exists()
    assert list(OutboundSms.objects.values_list("supporter_id", flat=True)) == [other.pk]


def test_queued_sms_to_a_blocked_number_is_never_sent(log_call, confirmation_templates, settings):
    assert log_call("c1", "+91 98765 00001") and log_call("c2", "+91 98765 00002")
    intake.run(once=True)
    block("+919876500001")  # asked after the confirmation was queued
    outreach.deliver_all()
    sent = [line for line in (settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text().splitlines()]
    assert len(sent) == 1 and "+919876500002" in sent[0]
    failed = OutboundSms.objects.get(status="failed")
    assert "do not call" in failed.error and failed.supporter.phone_index == pii.blind_index("+919876500001")


def test_do_not_call_outcome_blocks_and_the_supporter_lifts_it(client, make_staff, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    volunteer = make_staff("vol", Role.VOLUNTEER, "UP-LKO")
    queue.claim(volunteer)
    services.record_outcome(volunteer, supporter.public_id, "do_not_call")
    url = f"/p/{profile_token(supporter)}"

    page = client.get(url).content.decode()
    assert "अनुमति" in page and "Allow calls and SMS again" in page  # Hindi page, with the English beside it
    assert queue.claim(volunteer) == []

    response = client.post(f"{url}/allow-calls?lang=en")
    assert response.status_code == 302 and response["Location"] == f"{url}?lang=en&allowed=1"
    assert not DoNotCall.objects.exists()
    assert Callback.objects.get(supporter=supporter).status == "pending"  # back in the queue
    page = client.get(response["Location"]).content.decode()
    assert 'id="calls-allowed"' in page and 'id="do-not-call"' not in page
    assert queue.claim(volunteer)


def test_lifting_needs_the_supporters_own_link(client, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    DoNotCall.objects.create(phone_index=supporter.phone_index, at=timezone.now())
    token = profile_token(supporter)
    forged = token[:12] + ("a" if token[12] != "a" else "b") + token[13:]
    assert client.post(f"/p/{forged}/allow-calls").status_code == 404
    assert client.get(f"/p/{token}/allow-calls").status_code == 405
    assert DoNotCall.objects.exists()


@pytest.mark.parametrize("status", ["pending", "assigned"])
def test_the_waiting_call_back_follows_the_area_set_on_the_profile(client, waiting, areas, status):
    supporter = waiting(1, "UP")[0]  # guessed state
    Callback.objects.filter(supporter=supporter).update(status=status)
    response = client.post(f"/p/{profile_token(supporter)}", {
        "name": "Sita", "district": "UP-LKO", "assembly": "UP-AC-173", "language": "hi", "contact_consent": "on"})
    assert response.status_code == 200
    assert Callback.objects.get(supporter=supporter).area.code == "UP-AC-173"
    if status == "pending":
        rows = {r.area.code: r.waiting for r in queue.child_queues(areas["UP-LKO"]) if r.area}
        assert rows["UP-AC-173"] == 1
