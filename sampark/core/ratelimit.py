"""Rate limits for the public endpoints (verify, check-message, report a fake): per client address and window.

Counting is django-ratelimit's (fixed windows) in the cache named "ratelimit", which every web process shares:
the database (core/ratecache.py, with an atomic increment) by default, Redis when SAMPARK_REDIS_URL is set.

The client's address is REMOTE_ADDR, unless that is one of SAMPARK_TRUSTED_PROXIES: then X-Forwarded-For is read
from the right, past the trusted proxies, to the first address a proxy of ours did not add. Anyone can send an
X-Forwarded-For header, so it is believed only from our own proxies; otherwise a script would name a new
address with every request and never be limited.
"""

import ipaddress

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from sampark.core.api import ApiError


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    """The address of the client, as far as our own proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES or not _trusted(remote):
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(forwarded):
        if not _trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:  # junk a client wrote: the last proxy's word is all we know
                return remote
    return forwarded[0] if forwarded else remote  # every hop is ours: the first one is the client


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
