"""Generic: our own documented format, for a SIP edge (Kamailio) or any provider we have no module for.

    POST /hooks/generic/<slug>/
    Content-Type: application/json
    X-Sampark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>

    {"call_id": "...", "from": "...", "to": "...", "at": "2025-01-31T18:04:05+05:30"}

The timestamp is inside the signed string and must be within settings.HOOK_MAX_SKEW_SECONDS of our clock
either way, so a captured request cannot be replayed later (a redelivery inside the window carries the same
call_id, which the call log's unique constraint absorbs). Several `v1=` entries may be sent while a secret is
rotated; any match passes. `at` is optional, but when sent it must be ISO-8601 with an offset: a naive time
from a machine in an unknown zone would be silently wrong by hours.
"""

import hashlib
import hmac
import json
import time
from datetime import datetime

from django.conf import settings
from django.http import HttpResponse, JsonResponse

from sampark.telephony.providers.base import BadPayload, InboundCall, optional, required

NAME = "generic"
METHODS = frozenset({"POST"})

SIGNATURE_HEADER = "X-Sampark-Signature"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The header value for a body signed at `timestamp`; senders (and tests) use this."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(request, secret: str) -> bool:
    header = request.headers.get(SIGNATURE_HEADER, "")
    if not secret or not header:
        return False
    timestamp, signatures = "", []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t":
            timestamp = value.strip()
        elif key == "v1":
            signatures.append(value.strip().lower().encode())
    # Digits only: int() would also accept "+5", " 5" or "5_000", which are not what the sender signed.
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12 or not signatures:
        return False
    if abs(time.time() - int(timestamp)) > settings.HOOK_MAX_SKEW_SECONDS:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + request.body, hashlib.sha256).hexdigest()
    matches = [hmac.compare_digest(expected.encode(), given) for given in signatures]
    return any(matches)


def parse(request) -> InboundCall:
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting, still just a bad request
        raise BadPayload("body", "not valid JSON") from None
    if not isinstance(data, dict):
        raise BadPayload("body", "must be a JSON object")
    if isinstance(data.get("call_id"), (dict, list, bool)):
        raise BadPayload("call_id", "must be a string")
    return InboundCall(
        provider_call_id=required(data, "call_id"),
        caller=optional(data, "from"),  # junk is kept as sent: the worker rejects it with a reason
        called=optional(data, "to"),
        started_at=started_at(data.get("at")),
    )


def started_at(value) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadPayload("at", "must be an ISO-8601 date-time string")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadPayload("at", "not an ISO-8601 date-time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise BadPayload("at", "needs a timezone offset, e.g. +05:30 or Z")
    return moment


def reply(call: InboundCall | None) -> HttpResponse:
    return JsonResponse({"status": "ok"})
