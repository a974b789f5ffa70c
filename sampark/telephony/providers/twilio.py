"""Twilio: the number's Voice webhook ("A call comes in"), HTTP POST with form fields.

Twilio posts `CallSid`, `From`, `To`, `CallStatus`, ... as application/x-www-form-urlencoded and expects TwiML
back. `<Reject reason="busy"/>` refuses the call without answering it, so neither side is billed for a
connected call (twilio.com/docs/voice/twiml/reject).

Every request carries `X-Twilio-Signature` (twilio.com/docs/usage/webhooks/webhooks-security): base64 of
HMAC-SHA1 keyed with the account's auth token over the full URL Twilio requested (with its query string),
followed by each POST parameter's name and value, sorted by name, with no separators.
"""

import base64
import hashlib
import hmac
import re
from urllib.parse import urlsplit

from django.http import HttpResponse

from sampark.telephony.providers.base import InboundCall, call_id_of_form, documented_names, optional, signed_urls

NAME = "twilio"
METHODS = frozenset({"POST"})

SIGNATURE_HEADER = "X-Twilio-Signature"
DEFAULT_PORTS = {"http": 80, "https": 443}
REJECT = '<?xml version="1.0" encoding="UTF-8"?><Response><Reject reason="busy"/></Response>'


def signature(auth_token: str, url: str, params) -> str:
    """Twilio's algorithm. Like Twilio's own helper library, a repeated parameter contributes each distinct
    value in sorted order (`params` is a QueryDict or any mapping of name -> list of values)."""
    payload = url + "".join(name + value for name in sorted(set(params)) for value in sorted(set(params.getlist(name))))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def port_variants(url: str) -> list[str]:
    """The URL with and without its scheme's default port: Twilio may sign either form, so its helper
    libraries try both (twilio-python RequestValidator.validate)."""
    parts = urlsplit(url)
    default = DEFAULT_PORTS.get(parts.scheme)
    try:
        port = parts.port
    except ValueError:  # a junk port cannot have been signed by Twilio; the URL as-is is still tried
        return [url]
    if default is None or not parts.hostname:
        return [url]
    if port is None:
        return [url, parts._replace(netloc=f"{parts.netloc}:{default}").geturl()]
    if port == default:
        return [url, parts._replace(netloc=parts.netloc.rsplit(":", 1)[0]).geturl()]
    return [url]


def verify(request, secret: str) -> bool:
    given = request.headers.get(SIGNATURE_HEADER, "")
    if not secret or not given:
        return False
    given_bytes = given.strip().encode()
    candidates = [variant for url in signed_urls(request) for variant in port_variants(url)]
    # Check every candidate without stopping early, in constant time each: the answer is all a caller learns.
    matches = [hmac.compare_digest(signature(secret, url, request.POST).encode(), given_bytes) for url in candidates]
    return any(matches)


# The voice webhook's parameters (twilio.com/docs/voice/twiml#request-parameters: the call, its caller and
# callee with their geographic data, SHAKEN/STIR, SIP), and Digits, which Twilio's own signed example carries
# (twilio.com/docs/usage/webhooks/webhooks-security). SIP calls add their headers as SipHeader_<name>.
PARAMETERS = frozenset({
    "CallSid", "AccountSid", "ApplicationSid", "From", "To", "CallStatus", "ApiVersion", "Direction",
    "ForwardedFrom", "CallerName", "ParentCallSid", "CallToken", "Caller", "Called", "Digits",
    "FromCity", "FromState", "FromZip", "FromCountry", "ToCity", "ToState", "ToZip", "ToCountry",
    "CallerCity", "CallerState", "CallerZip", "CallerCountry", "CalledCity", "CalledState", "CalledZip",
    "CalledCountry", "StirVerstat", "StirPassportToken", "StirStatus",
    "SipDomain", "SipDomainSid", "SipCallId", "SipSourceIp",
})
PARAMETER_PREFIXES = ("SipHeader_",)
# A Call SID: "CA" and 32 hexadecimal digits (twilio.com/docs/glossary/what-is-a-sid).
CALL_SID = re.compile(r"CA[0-9a-fA-F]{32}")


def parse(request) -> InboundCall:
    params = request.POST
    documented_names(params, PARAMETERS, PARAMETER_PREFIXES)
    # Twilio's voice webhook carries no start timestamp; the view records when we received it.
    return InboundCall(
        provider_call_id=call_id_of_form(params, "CallSid", CALL_SID, "CA and 32 hexadecimal digits"),
        caller=optional(params, "From", "Caller"),
        called=optional(params, "To", "Called"),
    )


def reply(call: InboundCall | None) -> HttpResponse:
    return HttpResponse(REJECT, content_type="text/xml")
