"""The one small interface every SMS backend module implements: ``send(msg: SmsToSend) -> SendResult``.

A backend never raises for provider or network trouble: it answers ``SendResult(ok=False, error=..., retryable=...)``
and the sender decides whether to try again. ``error`` never holds the recipient's number or a credential.
"""

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

ERROR_MAX = 300  # OutboundSms.error is a CharField(max_length=300)


@dataclass(frozen=True)
class SmsToSend:
    public_id: str  # OutboundSms.public_id; passed to the provider as our reference where it takes one
    to: str  # E.164, e.g. +919876543210
    body: str  # the filled DLT template, exactly as registered apart from the variables
    template_id: str  # DLT content template id
    header: str  # DLT header (sender id), e.g. "SAMPRK"
    category: str  # outreach.models.Category value
    entity_id: str  # DLT principal entity id
    # The {#var#} values in order, for providers that hold the template text themselves (MSG91). None: the
    # backend recovers them by matching ``body`` against the stored template (segments.extract).
    variables: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SendResult:
    ok: bool
    provider_message_id: str = ""
    error: str = ""
    retryable: bool = False


def redact(text: str, number: str) -> str:
    """``text`` (a provider's error message) without the recipient's number in any of its usual forms."""
    digits = number.lstrip("+")
    for form in (number, digits, digits[-10:]):
        if len(form) >= 6:
            text = text.replace(form, "[number]")
    return text


def failure(error: str, retryable: bool) -> SendResult:
    return SendResult(ok=False, error=error[:ERROR_MAX], retryable=retryable)


# --- HTTP for the provider backends: the standard library only, short timeout, no redirects ---------------------

TIMEOUT = 5.0  # seconds; a slow provider must not stall the sender, the message is simply retried


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # urllib would re-send our Authorization/authkey header to wherever a redirect points; a provider API
    # answering 3xx is misconfiguration (wrong base URL), reported as a non-retryable failure instead.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http_post(url: str, data: bytes, headers: dict[str, str], timeout: float | None = None) -> tuple[int, bytes]:
    """POST and return (status, body) for any HTTP answer, 4xx/5xx included.

    Raises OSError (URLError, timeouts, refused or reset connections) when no HTTP answer came back.
    """
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=timeout or TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read()
    except http.client.HTTPException as exc:  # e.g. RemoteDisconnected is both; BadStatusLine is not an OSError
        raise OSError(f"bad HTTP answer: {type(exc).__name__}") from exc


def result_for_status(status: int, error: str) -> SendResult:
    """A failed HTTP answer: 4xx is our request's fault (not retryable) except 429 (rate limit); 5xx is theirs."""
    retryable = status >= 500 or status == 429
    return failure(f"HTTP {status}: {error}" if error else f"HTTP {status}", retryable=retryable)


def network_failure(exc: BaseException) -> SendResult:
    reason = getattr(exc, "reason", None) or exc
    return failure(f"network: {type(reason).__name__}: {reason}", retryable=True)
