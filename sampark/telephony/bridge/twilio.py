"""Twilio Calls API with TwiML ``<Dial>``: ``POST {TWILIO_API_URL}/2010-04-01/Accounts/{AccountSid}/Calls.json``.

As Twilio documents it (Voice API, Call resource, create): HTTP basic auth with the Account SID and auth token;
form fields To (the volunteer, called first), From (a Twilio number: the caller id), and Twiml, the instructions
run when the volunteer answers: ``<Response><Dial callerId="…"><Number>supporter</Number></Dial></Response>``,
which dials the supporter and joins the two. The answer is 201 with the Call resource as JSON, its ``sid`` a "CA"
followed by 32 hex digits; errors answer JSON with ``code`` and ``message``.
"""

import urllib.parse
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings

from .base import BridgeRequest, BridgeResult, basic_auth, call

RING_TIMEOUT_SECONDS = 40
TIME_LIMIT_SECONDS = 1800


def endpoint() -> str:
    base = settings.TWILIO_API_URL.rstrip("/")
    sid = urllib.parse.quote(settings.TWILIO_ACCOUNT_SID, safe="")
    return f"{base}/2010-04-01/Accounts/{sid}/Calls.json"


def twiml(request: BridgeRequest) -> str:
    return (f"<Response><Dial callerId={quoteattr(request.caller_id)} timeLimit=\"{TIME_LIMIT_SECONDS}\">"
            f"<Number>{escape(request.supporter)}</Number></Dial></Response>")


def form(request: BridgeRequest) -> dict[str, str]:
    return {"To": request.volunteer, "From": request.caller_id, "Twiml": twiml(request),
            "Timeout": str(RING_TIMEOUT_SECONDS)}


def connect(request: BridgeRequest) -> BridgeResult:
    return call(endpoint(), urllib.parse.urlencode(form(request)).encode("ascii"), {
        "Authorization": basic_auth(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN),
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
    }, request, error_of=lambda answer: str(answer.get("message", "")),
        call_id_of=lambda answer: str(answer.get("sid", "")))
