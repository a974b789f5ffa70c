"""The client's address behind our own reverse proxies.

REMOTE_ADDR, unless that is one of SAMPARK_TRUSTED_PROXIES: then X-Forwarded-For is read from the right, past the
trusted proxies, to the first address a proxy of ours did not add. Anyone can send an X-Forwarded-For header, so
it is believed only from our own proxies. Used by the rate limits and the webhooks' IP allowlists.
"""

import ipaddress

from django.conf import settings


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
