"""Rate limits for the public endpoints (verify, check-message, report a fake): per client address and window.

Counting is django-ratelimit's (fixed windows in Django's cache). The default cache is per process, so with N web
processes a client gets up to N× the limit: enough to stop a script hammering one endpoint, which is the point.
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from sampark.core.api import ApiError


def client_address(_group, request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def limited(request, group: str, rate: str | None = None) -> bool:
    """Count this request against ``group`` and say whether the client is over the limit."""
    return is_ratelimited(
        request, group=group, key=client_address, rate=rate or settings.PUBLIC_RATE_LIMIT, increment=True
    )


def enforce(request, group: str, rate: str | None = None) -> None:
    """For API operations: a 429 JSON error when over the limit."""
    if limited(request, group, rate):
        raise ApiError(429, "too many requests from this address; wait a minute and try again", field="rate")
