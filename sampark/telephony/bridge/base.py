"""The one small interface every bridge backend implements: ``connect(request: BridgeRequest) -> BridgeResult``.

A backend never raises for provider or network trouble: it answers ``BridgeResult(ok=False, error=...)``, and
``error`` never holds either number or a credential. HTTP goes through the SMS backends' helper (standard library,
short timeout, no redirects).
"""

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sampark.outreach.backends.base import http_post, redact  # noqa: F401 -- shared by the provider modules

ERROR_MAX = 300


@dataclass(frozen=True)
class BridgeRequest:
    reference: str  # ours, passed to the provider where it takes one ("cb<call-back id>-<attempt>")
    volunteer: str  # E.164: rung first
    supporter: str  # E.164: dialled once the volunteer answers
    caller_id: str  # the provider number both see calling them (SAMPARK_BRIDGE_CALLER_ID)
    callback_id: int
    claimed_until: datetime | None = None  # the answer link of providers that fetch instructions expires then


@dataclass(frozen=True)
class BridgeResult:
    ok: bool
    provider_call_id: str = ""
    error: str = ""


def failure(error: str, request: BridgeRequest) -> BridgeResult:
    return BridgeResult(ok=False, error=redact(redact(error, request.volunteer), request.supporter)[:ERROR_MAX])


def basic_auth(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def json_answer(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def call(url: str, data: bytes, headers: dict[str, str], request: BridgeRequest, *,
         error_of: Callable[[dict], str], call_id_of: Callable[[dict], str]) -> BridgeResult:
    """POST the provider's request and read its answer: the call's id on a 2xx, else the provider's own message
    (``error_of`` and ``call_id_of`` know where each provider puts them in its JSON)."""
    try:
        status, raw = http_post(url, data, headers)
    except OSError as exc:
        reason = getattr(exc, "reason", None) or exc
        return failure(f"network: {type(reason).__name__}: {reason}", request)
    answer = json_answer(raw)
    if not 200 <= status < 300:
        message = error_of(answer)
        return failure(f"HTTP {status}: {message}" if message else f"HTTP {status}", request)
    return BridgeResult(ok=True, provider_call_id=call_id_of(answer))
