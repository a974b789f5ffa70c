"""What every provider adapter module offers. One module per provider; the registry maps names to modules.

An adapter module defines:

    NAME: str
    METHODS: frozenset[str]                       # HTTP methods the provider uses for this webhook
    def verify(request, secret: str) -> bool      # authentic? (signature, or the ?key= shared secret)
    def parse(request) -> InboundCall             # raises BadPayload(field, problem) on malformed input
    def reply(call: InboundCall | None) -> HttpResponse   # leaves the call unanswered and unbilled
"""

import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest

MAX_CALL_ID_LENGTH = 128
MAX_CALLER_LENGTH = 64
# Control characters have no place in an id, and PostgreSQL's text type cannot store NUL at all.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class InboundCall:
    provider_call_id: str
    caller: str  # raw caller id as the provider sent it (normalised later by the worker)
    called: str = ""
    started_at: datetime | None = None


class BadPayload(ValueError):
    """The request is not a well-formed webhook of this provider: answered 400, never becomes a call."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def required(params, field: str, *alternatives: str, max_length: int = MAX_CALL_ID_LENGTH) -> str:
    """The first non-empty value among field and its alternatives, or BadPayload naming the field."""
    for name in (field, *alternatives):
        value = params.get(name)
        if value is not None and str(value).strip():
            value = str(value).strip()
            if len(value) > max_length:
                raise BadPayload(name, f"longer than {max_length} characters")
            if _CONTROL.search(value):
                raise BadPayload(name, "contains control characters")
            return value
    names = " or ".join((field, *alternatives))
    raise BadPayload(names, "missing")


def call_id_of_form(params, field: str, form: "re.Pattern[str]", described: str) -> str:
    """The call id, which must have the provider's documented form (see documented_names for why)."""
    value = required(params, field)
    if not form.fullmatch(value):
        raise BadPayload(field, f"not a call id of the provider's form ({described})")
    return value


def documented_names(params, names: frozenset[str], prefixes: tuple[str, ...] = ()) -> None:
    """BadPayload for a parameter the provider does not send.

    Twilio's and Plivo's signatures cover names and values run together with no separator, so a captured
    request can be re-cut into other fields with the same signature: a boundary moved ("From", "+9198…FromCity")
    or every field folded into the call id's value makes a new call id, and with it a new call. Refusing names
    outside the documented set and call ids outside the documented form leaves no such re-cut that parses."""
    for name in params:
        if name not in names and not name.startswith(prefixes):
            raise BadPayload(name[:60], "not a parameter this provider sends")


def optional(params, *names: str, max_length: int = MAX_CALLER_LENGTH) -> str:
    """Caller ids may be missing or junk: such a call is still logged, then rejected with its reason."""
    for name in names:
        value = params.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()[:max_length]
    return ""


def shared_key_matches(request: HttpRequest, secret: str) -> bool:
    """For providers that cannot sign: the number's secret travels as ?key= in the configured URL."""
    given = request.GET.get("key", "")
    return bool(secret) and hmac.compare_digest(given.encode(), secret.encode())


def signed_urls(request: HttpRequest) -> list[str]:
    """URLs the provider may have signed: as this server saw it, and as published under SAMPARK_PUBLIC_URL
    (behind a TLS-terminating proxy the two differ)."""
    seen = request.build_absolute_uri()
    public = settings.PUBLIC_URL + request.get_full_path()
    return [seen] if seen == public else [seen, public]
