"""Exotel: the Passthru applet placed first in the number's call flow.

Exotel's Passthru applet makes an HTTP GET to our URL with the call details as URL-encoded query parameters
(support.exotel.com, "Working with Passthru applet" and the Connect applet's dynamic-URL page): `CallSid`, and
`CallFrom`/`CallTo` (older flows and the streaming variant send `From`/`To`), `Direction`, `StartTime`,
`CurrentTime`. Timestamps are "YYYY-MM-DD HH:MM:SS" in IST, without an offset.

Exotel does not sign these requests, so the number's secret travels in the configured URL as `?key=`.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.http import HttpResponse

from sampark.telephony.providers.base import InboundCall, optional, required, shared_key_matches

NAME = "exotel"
METHODS = frozenset({"GET"})
KEY_IN_URL = True  # cannot sign: the number's secret rides in the configured URL as ?key=

# Exotel sends India time with no offset; India has no daylight saving, so attaching the zone is exact.
IST = ZoneInfo("Asia/Kolkata")
EXOTEL_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def verify(request, secret: str) -> bool:
    return shared_key_matches(request, secret)


def parse(request) -> InboundCall:
    params = request.GET
    return InboundCall(
        provider_call_id=required(params, "CallSid"),
        caller=optional(params, "CallFrom", "From"),
        called=optional(params, "CallTo", "To"),
        # StartTime is when the call began; CurrentTime (the moment of this request) is the next best thing.
        started_at=ist_time(params.get("StartTime")) or ist_time(params.get("CurrentTime")),
    )


def ist_time(value: str | None) -> datetime | None:
    """An aware datetime from Exotel's local IST format; junk is dropped, never a reason to lose the call."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 19 and value[10] == " " and value[13] == value[16] == ":":  # the documented form: C parser
            return datetime.fromisoformat(value).replace(tzinfo=IST)
        return datetime.strptime(value, EXOTEL_TIME_FORMAT).replace(tzinfo=IST)
    except ValueError:
        return None


def reply(call: InboundCall | None) -> HttpResponse:
    # Passthru only needs a 200 to take its success branch; the flow itself ends in a Hangup applet, so the
    # caller's call is never answered. The body is ignored.
    return HttpResponse("", content_type="text/plain", status=200)
