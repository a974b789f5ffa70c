"""Plivo Call API: ``POST {PLIVO_API_URL}/v1/Account/{auth_id}/Call/`` with a JSON body.

As Plivo documents it (Voice API, Make a call): HTTP basic auth with the Auth ID and token; ``from`` (a Plivo
number, the caller id), ``to`` (the volunteer, called first), ``answer_url`` and ``answer_method``: when the
volunteer answers, Plivo fetches the answer URL for XML instructions. Ours is a link of this deployment
(``/hooks/bridge/plivo/<token>/``) that answers ``<Response><Dial callerId="…"><Number>…</Number></Dial>
</Response>`` while the volunteer's claim is open, so the supporter's number is in no request we send and in no
URL. Numbers are written without the "+" as Plivo's examples do. The answer is 201 ``{"message": "call fired",
"request_uuid": …, "api_id": …}``; errors answer JSON with ``error``.
"""

import json
import time
import urllib.parse

from django.conf import settings

from sampark.core import pii

from .base import BridgeRequest, BridgeResult, basic_auth, call

RING_TIMEOUT_SECONDS = 40
TOKEN_PURPOSE = "bridge-answer"  # noqa: S105 -- a MAC purpose label, not a secret


def endpoint() -> str:
    base = settings.PLIVO_API_URL.rstrip("/")
    return f"{base}/v1/Account/{urllib.parse.quote(settings.PLIVO_AUTH_ID, safe='')}/Call/"


def answer_token(callback_id: int, expires: int) -> str:
    body = f"{callback_id}.{expires}"
    return f"{body}.{pii.sign(TOKEN_PURPOSE, body, length=32)}"


def read_answer_token(token: str) -> int | None:
    """The call-back id of a valid, unexpired answer token; None otherwise."""
    import hmac

    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    expected = answer_token(int(parts[0]), int(parts[1]))
    if not hmac.compare_digest(expected.encode(), token.encode()) or int(parts[1]) < time.time():
        return None
    return int(parts[0])


def digits(e164: str) -> str:
    return e164.lstrip("+")


def body(request: BridgeRequest) -> dict:
    expires = int(request.claimed_until.timestamp()) if request.claimed_until else int(time.time()) + 3600
    token = answer_token(request.callback_id, expires)
    return {
        "from": digits(request.caller_id),
        "to": digits(request.volunteer),
        "answer_url": f"{settings.PUBLIC_URL}/hooks/bridge/plivo/{token}/",
        "answer_method": "POST",
        "ring_timeout": RING_TIMEOUT_SECONDS,
    }


def connect(request: BridgeRequest) -> BridgeResult:
    return call(endpoint(), json.dumps(body(request)).encode("utf-8"), {
        "Authorization": basic_auth(settings.PLIVO_AUTH_ID, settings.PLIVO_AUTH_TOKEN),
        "Content-Type": "application/json", "Accept": "application/json",
    }, request, error_of=lambda answer: str(answer.get("error", "")),
        call_id_of=lambda answer: str(answer.get("request_uuid", "")))
