"""Time `sampark worker --once` (N of them in parallel) over the pending call log; sample each one's RSS.

    python bench/worker.py --workers 1 --out worker.json

Runs with the bench's SAMPARK_DATA_DIR / DATABASE_URL. Counts pending calls before and after through the
database (the workers' own "processed N calls" lines are added up as a cross-check). RSS is read from
/proc/<pid>/status every --interval seconds; the first sample is taken after Django has loaded.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from sampark.telephony.models import Call  # noqa: E402

SAMPARK = str(Path(sys.executable).with_name("sampark"))


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    pending_before = Call.objects.filter(processed_at__isnull=True).count()
    from django.db import connection

    connection.close()  # do not hold a connection (or an SQLite read snapshot) while the workers run
    started = time.monotonic()
    procs = [
        subprocess.Popen([SAMPARK, "worker", "--once"], stdout=subprocess.PIPE, text=True) for _ in range(args.workers)
    ]
    samples: list[list[int]] = [[] for _ in procs]
    timeline: list[tuple[float, list[int | None]]] = []
    while any(p.poll() is None for p in procs):
        time.sleep(args.interval)
        row = [rss_kib(p.pid) if p.poll() is None else None for p in procs]
        for i, value in enumerate(row):
            if value:
                samples[i].append(value)
        timeline.append((round(time.monotonic() - started, 1), row))
    elapsed = time.monotonic() - started
    outputs = [p.stdout.read() for p in procs]
    codes = [p.returncode for p in procs]
    reported = [int(o.split()[1]) if o.startswith("processed") else None for o in (x.strip() for x in outputs)]
    pending_after = Call.objects.filter(processed_at__isnull=True).count()
    processed = pending_before - pending_after
    result = {
        "workers": args.workers,
        "pending_before": pending_before,
        "pending_after": pending_after,
        "processed": processed,
        "processed_per_worker": reported,
        "exit_codes": codes,
        "seconds": round(elapsed, 2),
        "calls_per_second": round(processed / elapsed, 1) if elapsed else 0,
        # the first sample is dropped: the process is still importing Django
        "rss_mib": [
            {"min": round(min(s[1:] or s) / 1024, 1), "max": round(max(s) / 1024, 1), "samples": len(s)} if s else None
            for s in samples
        ],
        "rss_timeline_mib": [(t, [round(v / 1024, 1) if v else None for v in row]) for t, row in timeline],
    }
    Path(args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k != "rss_timeline_mib"}))
    if any(codes) or sum(r or 0 for r in reported) != processed:
        sys.exit(1)


if __name__ == "__main__":
    main()
