"""Exotel "Connect two numbers": ``POST {EXOTEL_SUBDOMAIN}/v1/Accounts/{sid}/Calls/connect.json``.

As Exotel documents it (Voice v1 API reference, Connect Two Numbers): HTTP basic auth with the API key and token;
form fields From (called first: the volunteer), To (then the customer: the supporter), CallerId (the ExoPhone),
CallType ``trans``, TimeLimit and TimeOut in seconds, CustomField (our reference, max 128 characters, echoed to
status callbacks). ``.json`` selects a JSON answer ``{"Call": {"Sid": ..., "Status": "in-progress"}}``; errors
answer ``{"RestException": {"Status": ..., "Message": ...}}`` with a non-2xx status.
"""

import urllib.parse

from django.conf import settings

from .base import BridgeRequest, BridgeResult, basic_auth, call

TIME_LIMIT_SECONDS = 1800  # a call-back is a conversation, not a meeting: cut at 30 minutes
RING_TIMEOUT_SECONDS = 40


def endpoint() -> str:
    base = settings.EXOTEL_SUBDOMAIN.rstrip("/")
    return f"{base}/v1/Accounts/{urllib.parse.quote(settings.EXOTEL_SID, safe='')}/Calls/connect.json"


def form(request: BridgeRequest) -> dict[str, str]:
    return {
        "From": request.volunteer,
        "To": request.supporter,
        "CallerId": request.caller_id,
        "CallType": "trans",
        "TimeLimit": str(TIME_LIMIT_SECONDS),
        "TimeOut": str(RING_TIMEOUT_SECONDS),
        "CustomField": request.reference[:128],
    }


def connect(request: BridgeRequest) -> BridgeResult:
    return call(endpoint(), urllib.parse.urlencode(form(request)).encode("ascii"), {
        "Authorization": basic_auth(settings.EXOTEL_API_KEY, settings.EXOTEL_API_TOKEN),
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
    }, request, error_of=lambda answer: str(_part(answer, "RestException").get("Message", "")),
        call_id_of=lambda answer: str(_part(answer, "Call").get("Sid", "")))


def _part(answer: dict, key: str) -> dict:
    found = answer.get(key)
    return found if isinstance(found, dict) else {}
