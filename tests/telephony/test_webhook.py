"""The webhook view: authentic, well-formed calls are logged before the reply; everything else is a named 4xx."""

import json
import time

import pytest

from sampark.core import counters
from sampark.telephony.models import Call
from sampark.telephony.providers.generic import sign
from sampark.telephony.services import add_number

URL = "/hooks/generic/main/"
SECRET = "generic-test-secret"


def post_generic(client, payload, secret=SECRET, body=None, **headers):
    raw = body if body is not None else json.dumps(payload).encode()
    return client.post(URL, raw, content_type="application/json",
                       HTTP_X_SAMPARK_SIGNATURE=sign(secret, int(time.time()), raw), **headers)


@pytest.fixture
def exotel_number(db):
    return add_number(provider="exotel", slug="ex", number="+911140000001", secret="exo-key")


def test_accepted_call_is_logged_before_the_reply(client, generic_number):
    response = post_generic(client, {"call_id": "abc", "from": "+919876500001", "to": "+911140000000",
                                     "at": "2026-11-22T10:00:00+05:30"})
    assert response.status_code == 200
    call = Call.objects.get()
    assert (call.provider, call.provider_call_id, call.outcome) == ("generic", "abc", "pending")
    assert b"9876500001" not in bytes(call.caller_cipher)


def test_duplicate_delivery_is_one_call_and_the_provider_still_gets_its_reply(client, generic_number):
    for _ in range(3):
        assert post_generic(client, {"call_id": "dup", "from": "9876500001"}).status_code == 200
    assert Call.objects.count() == 1
    assert counters.read("calls_duplicate")["calls_duplicate"] == 2


def test_exotel_passthru_with_key(client, exotel_number):
    response = client.get("/hooks/exotel/ex/", {"key": "exo-key", "CallSid": "s1", "CallFrom": "09876500001",
                                               "CallTo": "01140000001", "StartTime": "2026-11-22 10:00:00"})
    assert response.status_code == 200
    assert Call.objects.get().provider_call_id == "s1"


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda: {"HTTP_X_SAMPARK_SIGNATURE": "t=1,v1=00"}, "signature"),
    (lambda: {"HTTP_X_SAMPARK_SIGNATURE": ""}, "signature"),
    (lambda: {"HTTP_X_SAMPARK_SIGNATURE": sign("wrong", int(time.time()), b"{}")}, "signature"),
])
def test_forged_requests_are_refused_and_counted(client, generic_number, mutate, field):
    response = client.post(URL, b"{}", content_type="application/json", **mutate())
    assert response.status_code == 403
    assert response.json()["field"] == field
    assert Call.objects.count() == 0
    assert counters.read("hooks_refused")["hooks_refused"] == 1


def test_stale_signature_is_a_refused_replay(client, generic_number):
    raw = json.dumps({"call_id": "old", "from": "9876500001"}).encode()
    response = client.post(URL, raw, content_type="application/json",
                           HTTP_X_SAMPARK_SIGNATURE=sign(SECRET, int(time.time()) - 301, raw))
    assert response.status_code == 403
    assert Call.objects.count() == 0


def test_exotel_wrong_key_is_refused(client, exotel_number):
    response = client.get("/hooks/exotel/ex/", {"key": "guess", "CallSid": "s1", "CallFrom": "09876500001"})
    assert response.status_code == 403
    assert Call.objects.count() == 0


def test_ip_allowlist(client, db):
    add_number(provider="exotel", slug="ip", number="+911140000002", secret="k", ip_allowlist="10.9.0.0/16")
    params = {"key": "k", "CallSid": "s1", "CallFrom": "09876500001"}
    assert client.get("/hooks/exotel/ip/", params).status_code == 403  # test client comes from 127.0.0.1
    assert client.get("/hooks/exotel/ip/", params, REMOTE_ADDR="10.9.4.4").status_code == 200


@pytest.mark.parametrize(("url", "status", "field"), [
    ("/hooks/nosuch/main/", 404, "provider"),
    ("/hooks/generic/nosuch/", 404, "slug"),
])
def test_unknown_provider_or_slug(client, generic_number, url, status, field):
    response = client.post(url, b"{}", content_type="application/json")
    assert response.status_code == status
    assert response.json()["field"] == field


def test_wrong_method(client, generic_number):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["field"] == "method"


def test_oversized_body(client, generic_number, settings):
    body = json.dumps({"call_id": "big", "from": "9876500001", "pad": "x" * settings.HOOK_MAX_BODY_BYTES}).encode()
    response = post_generic(client, None, body=body)
    assert response.status_code == 413
    assert Call.objects.count() == 0


@pytest.mark.parametrize(("body", "field"), [
    (b"not json", "body"),
    (b"[1, 2]", "body"),
    (json.dumps({"from": "9876500001"}).encode(), "call_id"),
    (json.dumps({"call_id": "", "from": "9876500001"}).encode(), "call_id"),
    (json.dumps({"call_id": {"x": 1}}).encode(), "call_id"),
    (json.dumps({"call_id": "x" * 500}).encode(), "call_id"),
    (json.dumps({"call_id": "a\u0000b", "from": "9876500001"}).encode(), "call_id"),  # PostgreSQL cannot store NUL
    (json.dumps({"call_id": "a\nb", "from": "9876500001"}).encode(), "call_id"),
    (json.dumps({"call_id": "a", "at": "yesterday"}).encode(), "at"),
    (b'{"call_id": "\xff\xfe"}', "body"),
])
def test_malformed_bodies_are_named_400s_and_not_calls(client, generic_number, body, field):
    response = post_generic(client, None, body=body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert Call.objects.count() == 0


def test_a_nul_in_a_query_string_call_id_is_a_named_400(client, exotel_number):
    response = client.get("/hooks/exotel/ex/?key=exo-key&CallSid=s%001&CallFrom=09876500001")
    assert response.status_code == 400
    assert response.json()["field"] == "CallSid"
    assert Call.objects.count() == 0


def test_invalid_utf8_in_query_string(client, exotel_number):
    response = client.get("/hooks/exotel/ex/?key=exo-key&CallSid=s1&CallFrom=%ff%fe")
    assert response.status_code == 400
    assert response.json()["field"] == "query string"


@pytest.mark.parametrize("caller", ["anonymous", "'; DROP TABLE telephony_call; --", "<img src=x>", "", "12"])
def test_unusable_callers_get_the_normal_reply_and_count_as_rejected(client, generic_number, caller):
    from sampark.telephony import intake

    response = post_generic(client, {"call_id": "c", "from": caller})
    assert response.status_code == 200
    intake.run(once=True)
    assert Call.objects.get().outcome == "rejected"
    assert counters.read("calls_rejected", "hooks_refused") == {"calls_rejected": 1, "hooks_refused": 0}
