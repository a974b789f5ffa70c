"""MyOperator: the call webhook, HTTP POST with one form field, `myoperator`, whose value is a JSON object.

In that object `_cl` is the caller's number and the call's id is `_ai` (newer payloads) or `uid` (older ones).
The provider only needs a 200; the number is configured in MyOperator not to answer, so the call stays missed.

MyOperator cannot sign webhooks, so the number's secret travels in the configured URL as `?key=`.
"""

import json

from django.http import HttpResponse

from sampark.telephony.providers.base import BadPayload, InboundCall, optional, required, shared_key_matches

NAME = "myoperator"
METHODS = frozenset({"POST"})
KEY_IN_URL = True  # cannot sign: the number's secret rides in the configured URL as ?key=

FIELD = "myoperator"
CALL_ID_FIELDS = ("_ai", "uid")


def verify(request, secret: str) -> bool:
    return shared_key_matches(request, secret)


def payload(request) -> dict:
    raw = request.POST.get(FIELD)
    if raw is None or not raw.strip():
        raise BadPayload(FIELD, "missing")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting, still just a bad request
        raise BadPayload(FIELD, "not valid JSON") from None
    if not isinstance(data, dict):
        raise BadPayload(FIELD, "must be a JSON object")
    return data


def parse(request) -> InboundCall:
    data = payload(request)
    for name in CALL_ID_FIELDS:
        # A JSON object or list as the id would be stored as its Python repr; refuse it instead.
        if isinstance(data.get(name), (dict, list, bool)):
            raise BadPayload(name, "must be a string or a number")
    return InboundCall(
        provider_call_id=required(data, *CALL_ID_FIELDS),
        caller=optional(data, "_cl"),  # junk is kept as sent: the worker rejects it with a reason
    )


def reply(call: InboundCall | None) -> HttpResponse:
    return HttpResponse("", content_type="text/plain", status=200)
