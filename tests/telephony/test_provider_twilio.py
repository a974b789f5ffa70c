"""Twilio voice webhook adapter: X-Twilio-Signature, form fields, <Reject/>."""

from urllib.parse import urlencode

import pytest
from django.test import RequestFactory

from sampark.telephony.providers import twilio
from sampark.telephony.providers.base import BadPayload

rf = RequestFactory()
FORM = "application/x-www-form-urlencoded"

# Twilio's own worked example (twilio.com/docs/usage/webhooks/webhooks-security, "Validating signatures"):
# auth token 12345, a POST to this URL with these parameters, and the signature Twilio publishes for it.
DOC_TOKEN = "12345"
DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
DOC_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+12349013030",
    "Digits": "1234",
    "From": "+12349013030",
    "To": "+18005551212",
}
DOC_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def post(params, signature=None, path="/myapp.php?foo=1&bar=2", **extra):
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    return rf.post(path, urlencode(params), content_type=FORM, headers=headers, **extra)


def test_signature_matches_twilios_published_example():
    assert twilio.signature(DOC_TOKEN, DOC_URL, post(DOC_PARAMS).POST) == DOC_SIGNATURE


def test_published_example_verifies_as_seen_by_the_server(settings):
    settings.ALLOWED_HOSTS = ["mycompany.com"]
    request = post(DOC_PARAMS, DOC_SIGNATURE, secure=True, HTTP_HOST="mycompany.com")
    assert twilio.verify(request, DOC_TOKEN)


def test_published_example_verifies_behind_a_proxy(settings):
    # TLS ends at the proxy: Django sees http://testserver/..., Twilio signed the public https URL.
    settings.PUBLIC_URL = "https://mycompany.com"
    assert twilio.verify(post(DOC_PARAMS, DOC_SIGNATURE), DOC_TOKEN)


def test_explicit_default_port_is_tolerated(settings):
    settings.PUBLIC_URL = "https://mycompany.com:443"
    assert twilio.verify(post(DOC_PARAMS, DOC_SIGNATURE), DOC_TOKEN)


@pytest.mark.parametrize(
    "change",
    [
        {"Digits": "1235"},
        {"From": "+12349013031"},
        {"Extra": "1"},
    ],
)
def test_tampered_param_fails(settings, change):
    settings.PUBLIC_URL = "https://mycompany.com"
    assert not twilio.verify(post({**DOC_PARAMS, **change}, DOC_SIGNATURE), DOC_TOKEN)


def test_dropped_param_fails(settings):
    settings.PUBLIC_URL = "https://mycompany.com"
    params = {k: v for k, v in DOC_PARAMS.items() if k != "Digits"}
    assert not twilio.verify(post(params, DOC_SIGNATURE), DOC_TOKEN)


@pytest.mark.parametrize("path", ["/myapp.php?foo=1&bar=3", "/myapp.php?foo=1", "/other.php?foo=1&bar=2"])
def test_tampered_url_fails(settings, path):
    settings.PUBLIC_URL = "https://mycompany.com"
    assert not twilio.verify(post(DOC_PARAMS, DOC_SIGNATURE, path=path), DOC_TOKEN)


def test_wrong_token_fails(settings):
    settings.PUBLIC_URL = "https://mycompany.com"
    assert not twilio.verify(post(DOC_PARAMS, DOC_SIGNATURE), "12346")


@pytest.mark.parametrize("signature", [None, "", DOC_SIGNATURE[:-1], "not base64 ✓", "0" * 5000])
def test_missing_or_junk_header_fails(settings, signature):
    settings.PUBLIC_URL = "https://mycompany.com"
    assert not twilio.verify(post(DOC_PARAMS, signature), DOC_TOKEN)


def test_empty_secret_never_verifies(settings):
    settings.PUBLIC_URL = "https://mycompany.com"
    request = post(DOC_PARAMS, twilio.signature("", DOC_URL, post(DOC_PARAMS).POST))
    assert not twilio.verify(request, "")


def test_parse_reads_the_form():
    call = twilio.parse(post({"CallSid": "CA" + "f" * 32, "From": "+919876543210", "To": "+918012345678"}))
    assert call.provider_call_id == "CA" + "f" * 32
    assert (call.caller, call.called, call.started_at) == ("+919876543210", "+918012345678", None)


def test_withheld_caller_is_kept_as_sent():
    assert twilio.parse(post({"CallSid": "CA" + "1" * 32, "From": "anonymous"})).caller == "anonymous"
    assert twilio.parse(post({"CallSid": "CA" + "1" * 32})).caller == ""


def test_missing_callsid_names_the_field():
    with pytest.raises(BadPayload) as caught:
        twilio.parse(post({"From": "+919876543210"}))
    assert caught.value.field == "CallSid"


def test_reply_rejects_busy_as_twiml():
    response = twilio.reply(None)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml"
    assert response.content == (
        b'<?xml version="1.0" encoding="UTF-8"?><Response><Reject reason="busy"/></Response>'
    )


def test_methods():
    assert twilio.METHODS == {"POST"}
