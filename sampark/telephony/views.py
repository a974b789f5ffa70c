"""Provider webhooks: verify, parse, one INSERT, the provider's reply. Everything else happens in the worker."""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from sampark.core import counters
from sampark.core.proxies import client_ip
from sampark.telephony import numbers, services
from sampark.telephony.calllog import CallLogUnavailable
from sampark.telephony.providers import PROVIDERS
from sampark.telephony.providers.base import BadPayload


def error(status: int, message: str, field: str | None = None) -> JsonResponse:
    payload = {"error": message}
    if field:
        payload["field"] = field
    return JsonResponse(payload, status=status)


def invalid_utf8(request: HttpRequest) -> str | None:
    """Which part of the request is not UTF-8, if any. Django would silently replace the bad bytes."""
    raw_query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
    try:
        unquote_to_bytes(raw_query.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return "query string"
    try:
        request.body.decode("utf-8")
        # A form body is ASCII on the wire and its bytes arrive percent-encoded (From=%FF): Django would decode
        # them with replacement characters, so a form is checked as it will be read.
        if request.content_type == "application/x-www-form-urlencoded":
            unquote_to_bytes(request.body.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return "body"
    return None


@csrf_exempt
def hook(request: HttpRequest, provider: str, slug: str) -> HttpResponse:
    adapter = PROVIDERS.get(provider)
    if adapter is None:
        return error(404, f"unknown provider {provider[:40]!r}", "provider")
    if request.method not in adapter.METHODS:
        response = error(405, f"{provider} webhooks use {', '.join(sorted(adapter.METHODS))}", "method")
        response["Allow"] = ", ".join(sorted(adapter.METHODS))
        return response
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return error(400, "Content-Length is not a number", "Content-Length")
    if length > settings.HOOK_MAX_BODY_BYTES:
        return error(413, f"body larger than {settings.HOOK_MAX_BODY_BYTES} bytes", "body")
    number = numbers.lookup(provider, slug)
    if number is None:
        return error(404, f"no active {provider} number with slug {slug[:60]!r}", "slug")
    if not number.allows(client_ip(request)):  # behind our proxies, the provider's address they vouch for
        counters.increment("hooks_refused")
        return error(403, "this address may not call this webhook")
    bad_part = invalid_utf8(request)
    if bad_part:
        return error(400, f"{bad_part} is not valid UTF-8", bad_part)
    if not adapter.verify(request, number.secret):
        counters.increment("hooks_refused")
        return error(403, "signature or key missing or wrong", "signature")
    try:
        call = adapter.parse(request)
    except BadPayload as exc:
        return error(400, exc.problem, exc.field)
    try:
        services.log_call(number, call)
    except CallLogUnavailable as exc:  # the provider retries a 5xx; the call id makes a retry safe
        response = error(503, f"{exc}; retry")
        response["Retry-After"] = "5"
        return response
    return adapter.reply(call)
