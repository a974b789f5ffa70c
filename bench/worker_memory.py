"""Why the worker's RSS grows, and whether it stops: run the intake in-process over the pending calls, sample
RSS every second, and report what the bounded caches hold at the end.

    python bench/worker_memory.py                     # as shipped
    python bench/worker_memory.py --normalise-cache 1000   # phones.normalise's LRU cut to 1,000 entries

Runs with the bench's SAMPARK_DATA_DIR / DATABASE_URL. The growth expected by design: phones.normalise keeps up
to 200,000 parsed numbers (lru_cache), and on SQLite each connection may cache up to 64 MiB of pages
(PRAGMA cache_size=-65536 in settings). Both are bounded; anything beyond them would be a leak.
"""

import argparse
import functools
import os
import threading
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from sampark.core import phones  # noqa: E402
from sampark.telephony import intake  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--normalise-cache", type=int, default=None)
    args = parser.parse_args()
    normalise = phones.normalise
    if args.normalise_cache is not None:
        normalise = functools.lru_cache(maxsize=args.normalise_cache)(phones.normalise.__wrapped__)
        intake.normalise = normalise
    samples: list[tuple[float, float]] = []
    stop = threading.Event()
    started = time.monotonic()

    def sample() -> None:
        while not stop.wait(1.0):
            samples.append((round(time.monotonic() - started), round(rss_mib(), 1)))

    before = rss_mib()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    done = intake.run(once=True)
    stop.set()
    thread.join()
    print(
        f"processed {done} calls in {time.monotonic() - started:.1f} s; RSS {before:.0f} MiB before, "
        f"{rss_mib():.0f} MiB after; normalise cache {normalise.cache_info()}"
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            print(f"SQLite cache_size {cursor.fetchone()[0]} (negative: KiB)")
    print("RSS MiB each second:", " ".join(f"{mib:.0f}" for _t, mib in samples))


if __name__ == "__main__":
    main()
