"""Plivo Answer URL adapter: X-Plivo-Signature-V3, form fields, <Hangup reason="rejected"/>."""

from urllib.parse import urlencode

import pytest
from django.test import RequestFactory

from sampark.telephony.providers import plivo
from sampark.telephony.providers.base import BadPayload

rf = RequestFactory()
FORM = "application/x-www-form-urlencoded"

# Test vectors shipped in Plivo's own SDK test suites (plivo-go utils_test.go TestValidateSignatureV3Pass*,
# plivo-ruby spec/signature_spec.rb, plivo-dotnet): the same auth token, nonce, URLs and POST parameters.
VEC_TOKEN = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4"
VEC_NONCE = "31627761595286130198"
VEC_ORIGIN = "https://plivobin.non-prod.plivops.com"
VEC_PATH_WITH_QUERY = "/api/v1/validate_signature03.xml/?a=b&c=d"
VEC_PATH = "/api/v1/validate_signature03.xml"
VEC_PARAMS = {
    "Direction": "outbound",
    "From": "19792014278",
    "ALegUUID": "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
    "CallStatus": "in-progress",
    "BillRate": "0.002",
    "ParentAuthID": "MANWVLYTK4ZWU1YTY4QA",
    "To": "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com",
    "ALegRequestUUID": "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
    "CallUUID": "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
    "RequestUUID": "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36",
    "SIP-H-To": "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1",
    "SessionStart": "2020-04-08 11:34:33.238707",
    "Event": "StartApp",
}
VEC_POST_SIGNATURE_WITH_QUERY = "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c="
VEC_POST_SIGNATURE = "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0="


def as_lists(params):
    return {name: [value] for name, value in params.items()}


def post(params, signature=None, nonce=VEC_NONCE, path=VEC_PATH_WITH_QUERY):
    headers = {}
    if signature is not None:
        headers["X-Plivo-Signature-V3"] = signature
    if nonce is not None:
        headers["X-Plivo-Signature-V3-Nonce"] = nonce
    return rf.post(path, urlencode(params), content_type=FORM, headers=headers)


@pytest.fixture
def behind_vector_origin(settings):
    settings.PUBLIC_URL = VEC_ORIGIN


@pytest.mark.parametrize(
    ("path", "expected"),
    [(VEC_PATH_WITH_QUERY, VEC_POST_SIGNATURE_WITH_QUERY), (VEC_PATH, VEC_POST_SIGNATURE)],
)
def test_signature_matches_plivo_sdk_vectors(path, expected):
    assert plivo.signature(VEC_TOKEN, VEC_ORIGIN + path, as_lists(VEC_PARAMS), VEC_NONCE) == expected


def test_signed_string_layout():
    # The documented layout: base URL, "?" + sorted query, "." before the sorted POST params (name+value).
    assert plivo.signed_string("https://h.example/p?b=2&a=1", {"Y": ["2"], "X": ["1"]}) == (
        "https://h.example/p?a=1&b=2.X1Y2"
    )
    assert plivo.signed_string("https://h.example/p", {"Y": ["2"], "X": ["1"]}) == "https://h.example/p?X1Y2"
    assert plivo.signed_string("https://h.example/p?a=1", {}) == "https://h.example/p?a=1"
    assert plivo.signed_string("https://h.example/p", {}) == "https://h.example/p"


@pytest.mark.parametrize(
    ("path", "signature"),
    [(VEC_PATH_WITH_QUERY, VEC_POST_SIGNATURE_WITH_QUERY), (VEC_PATH, VEC_POST_SIGNATURE)],
)
def test_sdk_vector_verifies_as_a_request(behind_vector_origin, path, signature):
    assert plivo.verify(post(VEC_PARAMS, signature, path=path), VEC_TOKEN)


def test_any_of_several_signatures_passes(behind_vector_origin):
    header = "bm90IHRoZSBvbmU=," + VEC_POST_SIGNATURE_WITH_QUERY
    assert plivo.verify(post(VEC_PARAMS, header), VEC_TOKEN)
    assert plivo.verify(post(VEC_PARAMS, VEC_POST_SIGNATURE_WITH_QUERY + ", bm90IHRoZSBvbmU="), VEC_TOKEN)


@pytest.mark.parametrize("change", [{"From": "19792014279"}, {"Event": "Hangup"}, {"Extra": ""}])
def test_tampered_param_fails(behind_vector_origin, change):
    assert not plivo.verify(post({**VEC_PARAMS, **change}, VEC_POST_SIGNATURE_WITH_QUERY), VEC_TOKEN)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/validate_signature03.xml/?a=b&c=e",
        "/api/v1/validate_signature03.xml?a=b&c=d",
        "/api/v2/x.xml/?a=b&c=d",
    ],
)
def test_tampered_url_fails(behind_vector_origin, path):
    assert not plivo.verify(post(VEC_PARAMS, VEC_POST_SIGNATURE_WITH_QUERY, path=path), VEC_TOKEN)


def test_tampered_nonce_or_token_fails(behind_vector_origin):
    assert not plivo.verify(
        post(VEC_PARAMS, VEC_POST_SIGNATURE_WITH_QUERY, nonce="31627761595286130199"), VEC_TOKEN
    )
    assert not plivo.verify(post(VEC_PARAMS, VEC_POST_SIGNATURE_WITH_QUERY), VEC_TOKEN + "x")


@pytest.mark.parametrize(
    ("signature", "nonce"), [(None, VEC_NONCE), (VEC_POST_SIGNATURE_WITH_QUERY, None), ("", "")]
)
def test_missing_header_fails(behind_vector_origin, signature, nonce):
    assert not plivo.verify(post(VEC_PARAMS, signature, nonce=nonce), VEC_TOKEN)


def test_empty_secret_never_verifies(behind_vector_origin):
    forged = plivo.signature("", VEC_ORIGIN + VEC_PATH_WITH_QUERY, as_lists(VEC_PARAMS), VEC_NONCE)
    assert not plivo.verify(post(VEC_PARAMS, forged), "")


def test_parse_reads_the_form():
    call = plivo.parse(
        post(
            {"CallUUID": "a1b2c3d4-0000-4000-8000-000000000001", "From": "919876543210", "To": "918012345678"}
        )
    )
    assert call.provider_call_id == "a1b2c3d4-0000-4000-8000-000000000001"
    assert (call.caller, call.called, call.started_at) == ("919876543210", "918012345678", None)


def test_missing_caller_is_still_a_call():
    assert plivo.parse(post({"CallUUID": "a1b2c3d4-0000-4000-8000-000000000001"})).caller == ""


def test_missing_calluuid_names_the_field():
    with pytest.raises(BadPayload) as caught:
        plivo.parse(post({"From": "919876543210"}))
    assert caught.value.field == "CallUUID"


def test_reply_hangs_up_rejected():
    response = plivo.reply(None)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert response.content == b'<Response><Hangup reason="rejected"/></Response>'


def test_methods():
    assert plivo.METHODS == {"POST"}
