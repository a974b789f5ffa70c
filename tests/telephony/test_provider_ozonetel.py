"""Ozonetel KooKoo adapter: GET query parameters, NewCall only, ?key= shared secret, <hangup/>."""

import pytest
from django.test import RequestFactory

from sampark.telephony.providers import ozonetel
from sampark.telephony.providers.base import BadPayload

rf = RequestFactory()


def kookoo(**params):
    query = {
        "sid": "5551234567890123",
        "cid": "09876543210",
        "called_number": "08012345678",
        "event": "NewCall",
    }
    query.update(params)
    return rf.get("/hooks/ozonetel/join/", {k: v for k, v in query.items() if v is not None})


def test_reads_a_new_call():
    call = ozonetel.parse(kookoo())
    assert call.provider_call_id == "5551234567890123"
    assert call.caller == "09876543210"  # the 0-prefixed national form is kept raw; the worker normalises it
    assert call.called == "08012345678"
    assert call.started_at is None


def test_ten_digit_cid_is_kept_as_sent():
    assert ozonetel.parse(kookoo(cid="9876543210")).caller == "9876543210"


def test_missing_cid_is_still_a_call():
    assert ozonetel.parse(kookoo(cid=None)).caller == ""


@pytest.mark.parametrize("event", ["Hangup", "Disconnect", "GotDTMF", "Record"])
def test_other_events_are_not_calls(event):
    with pytest.raises(BadPayload) as caught:
        ozonetel.parse(kookoo(event=event, cid=None))
    assert caught.value.field == "event"
    assert caught.value.problem == "only NewCall events are calls"


def test_missing_event_names_the_field():
    with pytest.raises(BadPayload) as caught:
        ozonetel.parse(kookoo(event=None))
    assert caught.value.field == "event"


def test_missing_sid_names_the_field():
    with pytest.raises(BadPayload) as caught:
        ozonetel.parse(kookoo(sid=None))
    assert caught.value.field == "sid"


def test_verify_needs_the_key():
    assert ozonetel.verify(
        rf.get("/hooks/ozonetel/join/", {"key": "s3cret-key", "event": "NewCall"}), "s3cret-key"
    )
    assert not ozonetel.verify(rf.get("/hooks/ozonetel/join/", {"key": "S3CRET-KEY"}), "s3cret-key")
    assert not ozonetel.verify(rf.get("/hooks/ozonetel/join/"), "s3cret-key")


def test_reply_hangs_up():
    response = ozonetel.reply(None)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert response.content == b'<?xml version="1.0" encoding="UTF-8"?><response><hangup/></response>'


def test_methods():
    assert ozonetel.METHODS == {"GET"}
