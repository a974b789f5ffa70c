"""Generic adapter: signed JSON (X-Sampark-Signature: t=..,v1=..), skew limit, ISO-8601 `at`."""

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import RequestFactory

from sampark.telephony.providers import generic
from sampark.telephony.providers.base import MAX_CALLER_LENGTH, BadPayload

rf = RequestFactory()
SECRET = "generic-test-secret"
NOW = datetime(2025, 3, 14, 12, 34, 56, tzinfo=UTC)
T = int(NOW.timestamp())
BODY = json.dumps(
    {"call_id": "sip-0001", "from": "+919876543210", "to": "+918012345678", "at": "2025-03-14T18:04:05+05:30"}
)


def independent_header(secret, t, body: bytes) -> str:
    """Written from the format's description, not from the module:
    t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>."""
    mac = hmac.new(secret.encode("utf-8"), str(t).encode("ascii") + b"." + body, hashlib.sha256)
    return f"t={t},v1={mac.hexdigest()}"


def post(body=BODY, header=None):
    raw = body.encode() if isinstance(body, str) else body
    headers = {} if header is None else {"X-Sampark-Signature": header}
    return rf.post("/hooks/generic/sip/", raw, content_type="application/json", headers=headers)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_sign_matches_an_independent_implementation():
    assert generic.sign(SECRET, T, BODY.encode()) == independent_header(SECRET, T, BODY.encode())


def test_good_signature_passes(frozen):
    assert generic.verify(post(header=independent_header(SECRET, T, BODY.encode())), SECRET)


@pytest.mark.parametrize("skew", [-300, -1, 1, 300])
def test_skew_inside_the_window_passes(frozen, settings, skew):
    assert settings.HOOK_MAX_SKEW_SECONDS == 300
    assert generic.verify(post(header=generic.sign(SECRET, T + skew, BODY.encode())), SECRET)


@pytest.mark.parametrize("skew", [-301, 301, -86400, 86400])
def test_skew_beyond_the_window_fails(frozen, skew):
    assert not generic.verify(post(header=generic.sign(SECRET, T + skew, BODY.encode())), SECRET)


def test_replay_later_fails():
    header = generic.sign(SECRET, T, BODY.encode())
    with time_machine.travel(NOW, tick=False):
        assert generic.verify(post(header=header), SECRET)
    with time_machine.travel(NOW + timedelta(seconds=301), tick=False):
        assert not generic.verify(post(header=header), SECRET)


def test_skew_limit_follows_settings(frozen, settings):
    settings.HOOK_MAX_SKEW_SECONDS = 10
    assert not generic.verify(post(header=generic.sign(SECRET, T - 11, BODY.encode())), SECRET)


def test_tampered_body_fails(frozen):
    header = generic.sign(SECRET, T, BODY.encode())
    assert not generic.verify(post(BODY.replace("3210", "3211"), header), SECRET)
    assert not generic.verify(post(BODY + " ", header), SECRET)


def test_tampered_timestamp_fails(frozen):
    header = generic.sign(SECRET, T, BODY.encode()).replace(f"t={T}", f"t={T + 1}")
    assert not generic.verify(post(header=header), SECRET)


def test_wrong_secret_fails(frozen):
    assert not generic.verify(post(header=generic.sign("other", T, BODY.encode())), SECRET)


def test_any_v1_passes_during_rotation(frozen):
    good = generic.sign(SECRET, T, BODY.encode()).split("v1=")[1]
    assert generic.verify(post(header=f"t={T},v1={'0' * 64},v1={good}"), SECRET)
    assert generic.verify(
        post(header=f"v1={good.upper()}, t={T}"), SECRET
    )  # order and hex case do not matter


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        f"t={T}",
        "v1=" + "0" * 64,
        f"t=+{T},v1=" + "0" * 64,
        "t=abc,v1=" + "0" * 64,
        "t=" + "9" * 40 + ",v1=" + "0" * 64,
        "garbage ✓",
    ],
)
def test_missing_or_junk_header_fails(frozen, header):
    assert not generic.verify(post(header=header), SECRET)


def test_empty_secret_never_verifies(frozen):
    assert not generic.verify(post(header=generic.sign("", T, BODY.encode())), "")


def test_parse_reads_the_fields():
    call = generic.parse(post())
    assert (call.provider_call_id, call.caller, call.called) == ("sip-0001", "+919876543210", "+918012345678")
    assert call.started_at == datetime(2025, 3, 14, 12, 34, 5, tzinfo=UTC)
    assert call.started_at.utcoffset() == timedelta(hours=5, minutes=30)


def test_at_is_optional_and_z_is_utc():
    assert generic.parse(post(json.dumps({"call_id": "c1"}))).started_at is None
    assert generic.parse(post(json.dumps({"call_id": "c1", "at": None}))).started_at is None
    at = generic.parse(post(json.dumps({"call_id": "c1", "at": "2025-03-14T07:04:05Z"}))).started_at
    assert at == datetime(2025, 3, 14, 7, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "at", ["2025-03-14T18:04:05", "2025-03-14", "yesterday", "", "2025-13-01T00:00:00Z", 1710419645, ["x"]]
)
def test_bad_at_names_the_field(at):
    with pytest.raises(BadPayload) as caught:
        generic.parse(post(json.dumps({"call_id": "c1", "at": at})))
    assert caught.value.field == "at"


def test_missing_or_junk_caller_is_still_a_call():
    assert generic.parse(post(json.dumps({"call_id": "c1"}))).caller == ""
    assert generic.parse(post(json.dumps({"call_id": "c1", "from": "withheld"}))).caller == "withheld"
    assert (
        len(generic.parse(post(json.dumps({"call_id": "c1", "from": "9" * 5000}))).caller)
        == MAX_CALLER_LENGTH
    )


@pytest.mark.parametrize(
    "body",
    [json.dumps({"from": "+919876543210"}), json.dumps({"call_id": ""}), json.dumps({"call_id": "x" * 129})],
)
def test_missing_or_oversized_call_id_names_the_field(body):
    with pytest.raises(BadPayload) as caught:
        generic.parse(post(body))
    assert caught.value.field == "call_id"


@pytest.mark.parametrize("call_id", [{"a": 1}, ["a"], True])
def test_structured_call_id_is_refused(call_id):
    with pytest.raises(BadPayload) as caught:
        generic.parse(post(json.dumps({"call_id": call_id})))
    assert caught.value.field == "call_id"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("", "not valid JSON"),
        ("{not json", "not valid JSON"),
        ("[" * 20000, "not valid JSON"),
        ('["call_id"]', "must be a JSON object"),
        ("null", "must be a JSON object"),
    ],
)
def test_malformed_body(body, problem):
    with pytest.raises(BadPayload) as caught:
        generic.parse(post(body))
    assert (caught.value.field, caught.value.problem) == ("body", problem)


def test_reply_is_json_ok():
    response = generic.reply(None)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}


def test_methods():
    assert generic.METHODS == {"POST"}
