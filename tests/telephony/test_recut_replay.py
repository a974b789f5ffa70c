"""A captured Twilio or Plivo request cannot be re-cut into a new call.

Both schemes sign names and values run together without separators, so moving a field boundary keeps the
signature. Signatures here are computed by the providers' published algorithms (providers/twilio.py and
providers/plivo.py, themselves checked against Twilio's worked example and Plivo's SDK vectors)."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from sampark.telephony.models import Call
from sampark.telephony.providers import plivo, twilio
from sampark.telephony.services import add_number

TOKEN = "auth-token-0123456789abcdef0123"
FORM = "application/x-www-form-urlencoded"
SID = "CA" + "0123456789abcdef" * 2
UUID = "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36"


class Params(dict):
    """What the signature functions take: a name -> list of values mapping with getlist."""

    def getlist(self, name):
        return self[name]


def twilio_post(client, fields: dict):
    url = "http://testserver/hooks/twilio/tw/"
    signature = twilio.signature(TOKEN, url, Params({k: [v] for k, v in fields.items()}))
    return client.post("/hooks/twilio/tw/", urlencode(fields), content_type=FORM,
                       headers={"X-Twilio-Signature": signature}), signature


def plivo_post(client, fields: dict, nonce="12345678901234567890"):
    signature = plivo.signature(TOKEN, "http://testserver/hooks/plivo/pl/", {k: [v] for k, v in fields.items()}, nonce)
    return client.post("/hooks/plivo/pl/", urlencode(fields), content_type=FORM,
                       headers={"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": nonce}), signature


@pytest.fixture
def numbers(db, settings):
    settings.PUBLIC_URL = "http://testserver"
    add_number(provider="twilio", slug="tw", number="+911140000000", secret=TOKEN)
    add_number(provider="plivo", slug="pl", number="+911140000001", secret=TOKEN)


TWILIO_CALL = {"AccountSid": "AC" + "0" * 32, "CallSid": SID, "CallStatus": "ringing", "Direction": "inbound",
               "From": "+919876500001", "FromCity": "LUCKNOW", "To": "+911140000000"}


def test_twilio_call_is_taken(client: Client, numbers):
    response, _ = twilio_post(client, TWILIO_CALL)
    assert response.status_code == 200
    assert Call.objects.get().provider_call_id == SID


@pytest.mark.parametrize("recut, field", [
    # every field after CallSid folded into its value: a new call id, same signed string
    ({"AccountSid": "AC" + "0" * 32,
      "CallSid": SID + "CallStatusringingDirectioninboundFrom+919876500001FromCityLUCKNOWTo+911140000000"},
     "CallSid"),
    # a boundary moved inside a name: "From" + "CityLUCKNOW" read as the name "FromC" with "ityLUCKNOW"
    ({**{k: v for k, v in TWILIO_CALL.items() if k != "FromCity"}, "FromC": "ityLUCKNOW"}, "FromC"),
])
def test_twilio_recut_is_refused(client: Client, numbers, recut, field):
    original = twilio.signature(TOKEN, "http://testserver/hooks/twilio/tw/",
                                Params({k: [v] for k, v in TWILIO_CALL.items()}))
    response, signature = twilio_post(client, recut)
    assert signature == original  # the re-cut request carries the captured signature, and it verifies
    assert response.status_code == 400 and response.json()["field"] == field
    assert not Call.objects.exists()


@pytest.mark.parametrize("sid", ["CA123", "CA" + "g" * 32, "CA" + "0" * 33, "PN" + "0" * 32])
def test_twilio_call_sid_of_another_form_is_refused(client: Client, numbers, sid):
    response, _ = twilio_post(client, {**TWILIO_CALL, "CallSid": sid})
    assert response.status_code == 400 and response.json()["field"] == "CallSid"


def test_twilio_sip_headers_are_documented(client: Client, numbers):
    response, _ = twilio_post(client, {**TWILIO_CALL, "SipHeader_X-Campaign": "up"})
    assert response.status_code == 200


PLIVO_CALL = {"CallUUID": UUID, "CallStatus": "ringing", "Direction": "inbound", "Event": "StartApp",
              "From": "919876500001", "To": "911140000001"}


def test_plivo_call_is_taken(client: Client, numbers):
    response, _ = plivo_post(client, {**PLIVO_CALL, "X-PH-Campaign": "up"})
    assert response.status_code == 200
    assert Call.objects.get().provider_call_id == UUID


@pytest.mark.parametrize("recut, field", [
    # names sort CallStatus, CallUUID, Direction, ...: everything after CallUUID folded into its value
    ({"CallStatus": "ringing", "CallUUID": UUID + "DirectioninboundEventStartAppFrom919876500001To911140000001"},
     "CallUUID"),
    # "Event" + "StartApp" re-cut as "EventS" + "tartApp"
    ({**{k: v for k, v in PLIVO_CALL.items() if k != "Event"}, "EventS": "tartApp"}, "EventS"),
])
def test_plivo_recut_is_refused(client: Client, numbers, recut, field):
    original = plivo.signature(TOKEN, "http://testserver/hooks/plivo/pl/", {k: [v] for k, v in PLIVO_CALL.items()},
                               "12345678901234567890")
    response, signature = plivo_post(client, recut)
    assert signature == original
    assert response.status_code == 400 and response.json()["field"] == field
    assert not Call.objects.exists()


@pytest.mark.parametrize("uuid", ["u-1", UUID + "0", UUID.replace("-", ""), "zzzzzzzz-2c78-4d85-b1a4-6eae7dbafb36"])
def test_plivo_call_uuid_of_another_form_is_refused(client: Client, numbers, uuid):
    response, _ = plivo_post(client, {**PLIVO_CALL, "CallUUID": uuid})
    assert response.status_code == 400 and response.json()["field"] == "CallUUID"
