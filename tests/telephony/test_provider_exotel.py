"""Exotel Passthru adapter: GET query parameters, ?key= shared secret, IST timestamps."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from sampark.telephony.providers import exotel
from sampark.telephony.providers.base import MAX_CALL_ID_LENGTH, MAX_CALLER_LENGTH, BadPayload

IST = ZoneInfo("Asia/Kolkata")
rf = RequestFactory()


def passthru(**params):
    query = {
        "CallSid": "b6cfaf0d6bcc4a9a8f3e0c1b2a3d4e5f",
        "CallFrom": "09876543210",
        "CallTo": "08012345678",
    }
    query.update(params)
    return rf.get("/hooks/exotel/join/", {k: v for k, v in query.items() if v is not None})


def test_reads_passthru_fields():
    call = exotel.parse(passthru(StartTime="2025-03-14 18:04:05", Direction="incoming"))
    assert call.provider_call_id == "b6cfaf0d6bcc4a9a8f3e0c1b2a3d4e5f"
    assert call.caller == "09876543210"  # raw: the worker normalises
    assert call.called == "08012345678"
    assert call.started_at == datetime(2025, 3, 14, 18, 4, 5, tzinfo=IST)
    assert call.started_at.utcoffset().total_seconds() == 5.5 * 3600


def test_from_and_to_are_accepted_when_callfrom_is_absent():
    call = exotel.parse(passthru(CallFrom=None, CallTo=None, From="+919876543210", To="+918012345678"))
    assert (call.caller, call.called) == ("+919876543210", "+918012345678")


def test_callfrom_wins_over_from():
    assert exotel.parse(passthru(From="+919999999999")).caller == "09876543210"


def test_current_time_is_the_fallback_timestamp():
    call = exotel.parse(passthru(CurrentTime="2025-03-14 18:04:09"))
    assert call.started_at == datetime(2025, 3, 14, 18, 4, 9, tzinfo=IST)


@pytest.mark.parametrize(
    "junk", ["yesterday", "2025-13-40 25:61:61", "1710419645", "2025-03-14T18:04:05Z", "x" * 5000]
)
def test_junk_timestamp_is_dropped_not_fatal(junk):
    assert exotel.parse(passthru(StartTime=junk)).started_at is None


def test_missing_caller_is_still_a_call():
    call = exotel.parse(passthru(CallFrom=None))
    assert call.caller == ""


def test_huge_caller_is_truncated():
    assert len(exotel.parse(passthru(CallFrom="9" * 5000)).caller) == MAX_CALLER_LENGTH


@pytest.mark.parametrize("sid", [None, "", "   "])
def test_missing_callsid_names_the_field(sid):
    with pytest.raises(BadPayload) as caught:
        exotel.parse(passthru(CallSid=sid))
    assert caught.value.field == "CallSid"


def test_huge_callsid_is_refused():
    with pytest.raises(BadPayload) as caught:
        exotel.parse(passthru(CallSid="a" * (MAX_CALL_ID_LENGTH + 1)))
    assert caught.value.field == "CallSid"


def test_verify_needs_the_key():
    assert exotel.verify(rf.get("/hooks/exotel/join/", {"key": "s3cret-key", "CallSid": "x"}), "s3cret-key")
    assert not exotel.verify(rf.get("/hooks/exotel/join/", {"key": "s3cret-kez"}), "s3cret-key")
    assert not exotel.verify(rf.get("/hooks/exotel/join/", {"CallSid": "x"}), "s3cret-key")
    assert not exotel.verify(rf.get("/hooks/exotel/join/", {"key": ""}), "")  # no secret configured: refuse


def test_reply_is_an_empty_200():
    response = exotel.reply(None)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"].startswith("text/plain")


def test_methods():
    assert exotel.METHODS == {"GET"}


def _strptime_reference(value):
    try:
        return datetime.strptime(value.strip(), exotel.EXOTEL_TIME_FORMAT).replace(tzinfo=IST)
    except ValueError:
        return None


@given(st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(
        lambda moment: moment.strftime("%Y-%m-%d %H:%M:%S")),
    st.text(alphabet="0123456789-: T+Z.", min_size=17, max_size=21),
    st.text(max_size=25),
))
def test_fast_timestamp_parse_agrees_with_strptime(value):
    """The documented form takes datetime.fromisoformat (C, ten times cheaper); it must accept and reject exactly
    what strptime with Exotel's format does."""
    assert exotel.ist_time(value) == (_strptime_reference(value) if value else None)
