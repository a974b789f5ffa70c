"""Ozonetel KooKoo: the number's application URL, HTTP GET with query parameters.

KooKoo requests the URL on every event of a call (kookoo.in/index.php/kookoo-docs/kookoorequest): `sid` (the
call's id), `cid` (the caller id, sent only with the first request; "best effort" 10 digits, so often a
national form such as 0XXXXXXXXXX, which the worker normalises), `called_number` and `event`. A new call is
`event=NewCall`; later requests of the same call carry events such as Hangup or Disconnect.

Only NewCall is a missed call. Any other event is answered BadPayload("event", ...) (a 400 KooKoo ignores)
rather than logged: the base interface has no "well-formed but not a call" outcome, and answering 400 to an
event of a call we already hung up on changes nothing for the caller.

The reply is KooKoo XML whose only instruction is `<hangup/>`, so the call is cut before it is answered.
KooKoo cannot sign requests, so the number's secret travels in the configured URL as `?key=`.
"""

from django.http import HttpResponse

from sampark.telephony.providers.base import BadPayload, InboundCall, optional, required, shared_key_matches

NAME = "ozonetel"
METHODS = frozenset({"GET"})
KEY_IN_URL = True  # cannot sign: the number's secret rides in the configured URL as ?key=

NEW_CALL = "NewCall"
HANGUP = '<?xml version="1.0" encoding="UTF-8"?><response><hangup/></response>'


def verify(request, secret: str) -> bool:
    return shared_key_matches(request, secret)


def parse(request) -> InboundCall:
    params = request.GET
    # The event decides first: a Hangup request has no cid and is not "a call with a missing caller".
    if required(params, "event", max_length=32).lower() != NEW_CALL.lower():
        raise BadPayload("event", "only NewCall events are calls")
    return InboundCall(
        provider_call_id=required(params, "sid"),
        caller=optional(params, "cid"),
        called=optional(params, "called_number"),
    )


def reply(call: InboundCall | None) -> HttpResponse:
    return HttpResponse(HANGUP, content_type="text/xml")
