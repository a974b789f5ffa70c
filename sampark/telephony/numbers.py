"""Published-number lookup for the webhook hot path, cached in-process for a few seconds.

Every missed call needs its number's secret and allowlist; a query per call would double the webhook's
database work during a burst. A deactivated or changed number takes effect within CACHE_SECONDS.
"""

import ipaddress
import time
from dataclasses import dataclass

from sampark.telephony.models import PublishedNumber

CACHE_SECONDS = 10.0
_cache: dict[tuple[str, str], tuple[float, "NumberConfig | None"]] = {}


@dataclass(frozen=True)
class NumberConfig:
    id: int
    provider: str
    slug: str
    secret: str
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    def allows(self, address: str) -> bool:
        if not self.networks:
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)


def parse_allowlist(text: str) -> tuple:
    """Comma/space separated IPs or CIDRs; raises ValueError naming the bad entry."""
    networks = []
    for entry in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(f"{entry!r} is not an IP address or CIDR range") from None
    return tuple(networks)


def lookup(provider: str, slug: str) -> NumberConfig | None:
    key = (provider, slug)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit and hit[0] > now:
        return hit[1]
    number = PublishedNumber.objects.filter(provider=provider, slug=slug, active=True).first()
    config = None
    if number is not None:
        config = NumberConfig(
            number.id, number.provider, number.slug, number.secret, parse_allowlist(number.ip_allowlist)
        )
    if len(_cache) > 10_000:  # unknown slugs probed by a scanner must not grow memory without bound
        _cache.clear()
    _cache[key] = (now + CACHE_SECONDS, config)
    return config


def forget() -> None:
    _cache.clear()
