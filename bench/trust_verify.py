"""Latency of "is this official?" with 1,000 official channels, in-process through `verify.verify` (the function
the API, the CLI and the page call: parse, registry freshness check, exact match, lookalike scoring, channel rows).

    .venv/bin/python bench/trust_verify.py [--channels 1000] [--queries 3000]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL when set: give it a database of its own).
Queries are a mix: exact handles and links, lookalikes of several kinds, unrelated names, numbers, sites and
WhatsApp links. Prints p50, p90, p99 and max in milliseconds, and the first (cold: index build) call apart.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp())

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from trust_scan import lookalike, official_handles, ordinary  # noqa: E402

PLATFORMS = ["x", "instagram", "facebook", "youtube", "telegram"]


def populate(n: int, rng: random.Random) -> list[str]:
    from sampark.trust.matching import handles
    from sampark.trust.models import ChannelStatus, OfficialChannel, Owner

    names = official_handles(n, rng)
    rows = []
    for i, name in enumerate(names):
        owner, _ = Owner.objects.get_or_create(name_en=f"Leader {i // 5}", area=None)
        platform = PLATFORMS[i % len(PLATFORMS)]
        if i % 20 == 19:
            platform, display = "phone", f"+91 11 4{i:03d} {i:04d}"
        elif i % 20 == 18:
            platform, display = "website", f"{name.replace('_', '')}.in"
        else:
            display = "@" + name
        rows.append(OfficialChannel(platform=platform, handle=handles.parse(display, platform).value,
                                    display=display, owner=owner,
                                    status=ChannelStatus.RETIRED if i % 50 == 0 else ChannelStatus.ACTIVE))
    OfficialChannel.objects.bulk_create(rows)
    return names


def queries(names: list[str], count: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        name = rng.choice(names)
        kind = rng.randrange(10)
        if kind < 2:
            out.append("@" + name)
        elif kind == 2:
            out.append(f"https://x.com/{name}?s=20")
        elif kind < 6:
            out.append("@" + lookalike(name, rng))
        elif kind < 8:
            out.append(ordinary(rng))
        elif kind == 8:
            out.append(rng.choice([f"+91 98{rng.randrange(10**8):08d}", f"{name}.org.evil.in",
                                   "https://chat.whatsapp.com/AbCdEf123"]))
        else:
            out.append(f"https://instagram.com/{lookalike(name, rng)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=3000)
    args = parser.parse_args()
    from django.db import connection
    from django.utils import translation

    from sampark.trust.matching.verify import verify

    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    names = populate(args.channels, rng)
    qs = queries(names, args.queries, rng)
    timings = []
    verdicts: dict[str, int] = {}
    with translation.override("en"):
        started = time.perf_counter()
        verify(qs[0])
        cold = time.perf_counter() - started
        for q in qs:
            started = time.perf_counter()
            answer = verify(q)
            timings.append(time.perf_counter() - started)
            verdicts[answer["verdict"]] = verdicts.get(answer["verdict"], 0) + 1
    timings.sort()

    def pct(p: float) -> float:
        return timings[min(len(timings) - 1, int(p * len(timings)))] * 1000

    print(f"{connection.vendor}, {args.channels} channels, {len(qs)} queries {verdicts}; machine: {os.cpu_count()} "
          f"cores, load average {os.getloadavg()[0]:.1f}")
    print(f"first call (index build) {cold * 1000:.1f} ms; p50 {pct(0.5):.2f} ms, p90 {pct(0.9):.2f} ms, "
          f"p99 {pct(0.99):.2f} ms, max {timings[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
