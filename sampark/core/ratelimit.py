"""Rate limits for the public endpoints (verify, check-message, report a fake): per client address and window.

Counting is django-ratelimit's (fixed windows) in the cache named "ratelimit", which every web process shares:
the database (core/ratecache.py, with an atomic increment) by default, Redis when SAMPARK_REDIS_URL is set.

The client's address is core.proxies.client_ip: X-Forwarded-For only from SAMPARK_TRUSTED_PROXIES (otherwise a
script would name a new address with every request and never be limited).
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from sampark.core.api import ApiError
from sampark.core.proxies import client_ip


def client_address(_group, request) -> str:
    return client_ip(request)


def limited(request, group: str, rate: str | None = None) -> bool:
    """Count this request against ``group`` and say whether the client is over the limit."""
    return is_ratelimited(
        request, group=group, key=client_address, rate=rate or settings.PUBLIC_RATE_LIMIT, increment=True
    )


def enforce(request, group: str, rate: str | None = None) -> None:
    """For API operations: a 429 JSON error when over the limit."""
    if limited(request, group, rate):
        raise ApiError(429, "too many requests from this address; wait a minute and try again", field="rate")
