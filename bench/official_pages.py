"""The public /official/ and /verify/ pages with a registry of 1,000 channels, in process (no network, one core).

    SAMPARK_DATA_DIR=$(mktemp -d) .venv/bin/python bench/official_pages.py [CHANNELS]

Builds a fresh SQLite database in the data dir (or uses DATABASE_URL) with the demo's UP geography, registers
CHANNELS channels (default 1000; 4 per owner) through trust.registry — a tenth at the national and state level,
the rest spread over UP's districts — then times, through Django's test client: the national /official/ page, the
UP page and a division's page built from the database (cache cleared before each request), the national page
served from the cache, and /verify/ for an exact match. Prints median and p99 in milliseconds and page sizes.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
os.environ.setdefault("SAMPARK_PUBLIC_RATE_LIMIT", "1000000")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from sampark.geo.models import Area  # noqa: E402
from sampark.trust import registry  # noqa: E402
from sampark.trust.models import OfficialChannel  # noqa: E402
from sampark.web.demo import AREAS_CSV  # noqa: E402

PLATFORMS = [("x", "@Sampark{}"), ("instagram", "instagram.com/sampark.{}/"), ("youtube", "youtube.com/@Sampark{}"),
             ("website", "sampark-{}.example.org")]


def setup(channels: int) -> None:
    call_command("migrate", verbosity=0)
    if OfficialChannel.objects.count() >= channels:
        return
    call_command("geo", "import", str(AREAS_CSV), verbosity=0, stdout=open(os.devnull, "w"))
    top = list(Area.objects.filter(level__in=["country", "state"]))
    districts = list(Area.objects.filter(level="district").order_by("code"))
    owners = channels // len(PLATFORMS)
    for n in range(owners):
        area = top[n % len(top)] if n < owners // 10 else districts[n % len(districts)]
        owner = registry.find_or_create_owner(f"Demo owner {n:04d}", unit=n % 2 == 0, name_hi=f"डेमो {n:04d}",
                                              area=area)
        for platform, handle in PLATFORMS:
            registry.add_channel(platform=platform, handle=handle.format(f"{n:04d}"), owner=owner)


def timed(client: Client, url: str, runs: int, clear: bool) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(runs):
        if clear:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
    return times, size


def report(name: str, times: list[float], size: int) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{name:<38} median {statistics.median(times):7.2f} ms  p99 {p99:7.2f} ms  {size / 1024:6.1f} KB")


def main() -> None:
    channels = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    setup(channels)
    client = Client()
    print(f"{OfficialChannel.objects.count()} channels, {connection.vendor}, {os.cpu_count()} CPUs")
    timed(client, "/official/", 3, clear=True)  # warm templates and connections
    report("/official/ built (cache cleared)", *timed(client, "/official/", 50, clear=True))
    report("/official/UP/ built", *timed(client, "/official/UP/", 50, clear=True))
    report("/official/UP-DV-LKO/ built", *timed(client, "/official/UP-DV-LKO/", 50, clear=True))
    report("/official/ from the cache", *timed(client, "/official/", 2000, clear=False))
    report("/verify/?q=exact match", *timed(client, "/verify/?q=https://x.com/Sampark0420", 500, clear=False))


if __name__ == "__main__":
    main()
