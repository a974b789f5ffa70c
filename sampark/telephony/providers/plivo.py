"""Plivo: the application's Answer URL, HTTP POST with form fields.

Plivo posts `CallUUID`, `From`, `To`, `Direction`, ... and expects Plivo XML. `<Hangup reason="rejected"/>` as
the first element ends the call before it is answered (plivo.com/docs/voice/xml/hangup).

Every request carries `X-Plivo-Signature-V3` and `X-Plivo-Signature-V3-Nonce`. The algorithm below follows
Plivo's own SDK (plivo-python `plivo/utils/signature_v3.py`, `validate_v3_signature`) step for step, and is
tested against the vectors Plivo's SDKs ship in their test suites:

    url  = scheme://host/path                               (query string and fragment dropped)
    if the URL had a query, or there are POST params:  url += "?" + query params sorted by name, as k=v&k=v
    if the URL had a query and there are POST params:  url += "."
    url += each POST param as name+value, sorted by name, no separators
    signature = base64(HMAC-SHA256(auth_token, url + "." + nonce))

The header holds one signature per active auth token, comma-separated, while tokens are being rotated; any
match passes. (`X-Plivo-Signature-Ma-V3` is the same over the main account's token; we store the token of the
account that owns the number, which is what V3 uses.)
"""

import base64
import hashlib
import hmac
import re
from urllib.parse import parse_qs, urlparse, urlunparse

from django.http import HttpResponse

from sampark.telephony.providers.base import InboundCall, call_id_of_form, documented_names, optional, signed_urls

NAME = "plivo"
METHODS = frozenset({"POST"})

SIGNATURE_HEADER = "X-Plivo-Signature-V3"
NONCE_HEADER = "X-Plivo-Signature-V3-Nonce"
HANGUP = '<Response><Hangup reason="rejected"/></Response>'


def _sorted_query(params: dict[str, list[str]]) -> str:
    # A repeated name contributes name=value for each of its values, sorted (as the SDK does for lists).
    return "&".join(f"{name}={value}" for name in sorted(params) for value in sorted(params[name]))


def _sorted_params(params: dict[str, list[str]]) -> str:
    return "".join(f"{name}{value}" for name in sorted(params) for value in sorted(params[name]))


def signed_string(url: str, post_params: dict[str, list[str]]) -> str:
    """What Plivo signs for a POST, before ".nonce" (plivo-python construct_post_url)."""
    parts = urlparse(url)
    base = urlunparse((parts.scheme, parts.netloc, parts.path, "", "", ""))
    query = _sorted_query(parse_qs(parts.query, keep_blank_values=True))
    if query or post_params:
        base += "?" + query
    if query and post_params:
        base += "."
    return base + _sorted_params(post_params)


def signature(auth_token: str, url: str, post_params: dict[str, list[str]], nonce: str) -> str:
    payload = f"{signed_string(url, post_params)}.{nonce}"
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(request, secret: str) -> bool:
    header = request.headers.get(SIGNATURE_HEADER, "")
    nonce = request.headers.get(NONCE_HEADER, "")
    if not secret or not header or not nonce:
        return False
    given = [candidate.strip().encode() for candidate in header.split(",") if candidate.strip()]
    post_params = dict(request.POST.lists())
    expected = [signature(secret, url, post_params, nonce).encode() for url in signed_urls(request)]
    # Every comparison runs, each in constant time.
    matches = [hmac.compare_digest(mine, theirs) for mine in expected for theirs in given]
    return any(matches)


# What Plivo posts to an Answer URL (plivo.com/docs/voice/xml/request-parameters, and the requests its SDKs'
# signature vectors carry). Custom SIP headers arrive as X-PH-<name>, SIP headers of the call as SIP-H-<name>.
PARAMETERS = frozenset({
    "CallUUID", "From", "To", "CallStatus", "Direction", "CallerName", "BillRate", "ALegUUID",
    "ALegRequestUUID", "RequestUUID", "ParentAuthID", "SessionStart", "Event", "ForwardedFrom",
    "STIRAttestation", "STIRVerification", "StirVerification",
})
PARAMETER_PREFIXES = ("X-PH-", "SIP-H-")
# A call's UUID, as Plivo writes it: 8-4-4-4-12 hexadecimal digits.
CALL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse(request) -> InboundCall:
    params = request.POST
    documented_names(params, PARAMETERS, PARAMETER_PREFIXES)
    # The Answer URL request has no start timestamp; the view records when we received it.
    return InboundCall(
        provider_call_id=call_id_of_form(params, "CallUUID", CALL_UUID, "a UUID"),
        caller=optional(params, "From"),
        called=optional(params, "To"),
    )


def reply(call: InboundCall | None) -> HttpResponse:
    return HttpResponse(HANGUP, content_type="text/xml")
