"""A form body whose percent-encoded bytes are not UTF-8 is a 400 naming the body (docs/providers.md), never a
call with replacement characters in it."""

from urllib.parse import urlencode

import pytest

from sampark.telephony.models import Call
from sampark.telephony.providers import twilio
from sampark.telephony.services import add_number

TOKEN = "auth-token-0123456789abcdef0123"
SID = "CA" + "0123456789abcdef" * 2


@pytest.fixture
def number(db, settings):
    settings.PUBLIC_URL = "http://testserver"
    add_number(provider="twilio", slug="tw", number="+911140000000", secret=TOKEN)


def signed_post(client, body: str):
    # signed over the values as Django would decode them, so only the encoding check can refuse it
    from django.http import QueryDict

    decoded = QueryDict(body)
    signature = twilio.signature(TOKEN, "http://testserver/hooks/twilio/tw/", decoded)
    return client.post("/hooks/twilio/tw/", body, content_type="application/x-www-form-urlencoded",
                       headers={"X-Twilio-Signature": signature})


@pytest.mark.parametrize("bad", ["%FF%FE", "%C3", "%E0%80%80", "abc%ED%A0%80"])
def test_invalid_utf8_in_a_form_field_is_a_400(client, number, bad):
    response = signed_post(client, f"CallSid={SID}&To=%2B911140000000&From={bad}")
    assert response.status_code == 400
    assert response.json() == {"error": "body is not valid UTF-8", "field": "body"}
    assert not Call.objects.exists()


def test_valid_utf8_in_a_form_field_is_taken(client, number):
    body = urlencode({"CallSid": SID, "To": "+911140000000", "From": "+919876500001", "CallerName": "सम्पर्क"})
    assert signed_post(client, body).status_code == 200
    assert Call.objects.count() == 1
