"""MyOperator adapter: one form field holding JSON, ?key= shared secret."""

import json
from urllib.parse import urlencode

import pytest
from django.test import RequestFactory

from sampark.telephony.providers import myoperator
from sampark.telephony.providers.base import BadPayload

rf = RequestFactory()
FORM = "application/x-www-form-urlencoded"


def post(data=None, raw=None, **query):
    fields = (
        {"myoperator": raw if raw is not None else json.dumps(data)} if (raw, data) != (None, None) else {}
    )
    path = "/hooks/myoperator/join/" + ("?" + urlencode(query) if query else "")
    return rf.post(path, urlencode(fields), content_type=FORM)


def test_reads_ai_and_caller():
    call = myoperator.parse(post({"_ai": "61f0c0ffee", "_cl": "+919876543210", "uid": "older-id"}))
    assert call.provider_call_id == "61f0c0ffee"
    assert call.caller == "+919876543210"
    assert call.started_at is None


def test_uid_is_the_fallback_call_id():
    assert myoperator.parse(post({"uid": "u-12345", "_cl": "9876543210"})).provider_call_id == "u-12345"


def test_numeric_values_are_read_as_text():
    call = myoperator.parse(post({"_ai": 4242, "_cl": 919876543210}))
    assert (call.provider_call_id, call.caller) == ("4242", "919876543210")


def test_missing_or_junk_caller_is_still_a_call():
    assert myoperator.parse(post({"_ai": "a1"})).caller == ""
    assert myoperator.parse(post({"_ai": "a1", "_cl": "unknown"})).caller == "unknown"


def test_missing_call_id_names_the_fields():
    with pytest.raises(BadPayload) as caught:
        myoperator.parse(post({"_cl": "+919876543210"}))
    assert caught.value.field == "_ai or uid"


@pytest.mark.parametrize("bad_id", [{"x": 1}, [1, 2], True])
def test_structured_call_id_is_refused(bad_id):
    with pytest.raises(BadPayload) as caught:
        myoperator.parse(post({"_ai": bad_id}))
    assert caught.value.field == "_ai"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (None, "missing"),
        ("", "missing"),
        ("{not json", "not valid JSON"),
        ("[" * 5000, "not valid JSON"),
        ('["_ai", "x"]', "must be a JSON object"),
        ('"just a string"', "must be a JSON object"),
    ],
)
def test_malformed_field(raw, problem):
    request = post(raw=raw) if raw is not None else post()
    with pytest.raises(BadPayload) as caught:
        myoperator.parse(request)
    assert (caught.value.field, caught.value.problem) == ("myoperator", problem)


def test_verify_needs_the_key():
    assert myoperator.verify(post({"_ai": "a"}, key="s3cret-key"), "s3cret-key")
    assert not myoperator.verify(post({"_ai": "a"}, key="wrong"), "s3cret-key")
    assert not myoperator.verify(post({"_ai": "a"}), "s3cret-key")


def test_reply_is_200():
    response = myoperator.reply(None)
    assert response.status_code == 200


def test_methods():
    assert myoperator.METHODS == {"POST"}
