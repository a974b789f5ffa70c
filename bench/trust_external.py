"""The trust checks measured from outside (issue 12): per-class tables for every external set, against the bars.

    SAMPARK_DATA_DIR=$(mktemp -d) .venv/bin/python bench/trust_external.py [--per-class 4] [--show-held-out]

Sets (all in tests/trust/external/, see docs/trust.md "Evaluation protocol (issue 12)"): the hand-written lookalike
cases dev.csv and heldout.csv, the independent handle generator on the dev and on the held-out officials, dnstwist's
fuzzers on every official site, the benign handles and domains, every pasted form of every official, and the
held-out messages. Each set runs against its own registry, registered through `sampark official add` inside a
transaction that is rolled back afterwards. Misses drawn from held-out files are counted, not quoted, unless
--show-held-out (for writing the final report, never while tuning).

Uses a fresh SQLite database in SAMPARK_DATA_DIR (or DATABASE_URL when set: give it a database of its own). Offline.
"""

import argparse
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp())

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import translation  # noqa: E402

from tests.trust.external import harness  # noqa: E402


@contextmanager
def registry(*splits: str):
    """The officials of ``splits`` registered for the duration of the block, then rolled back."""
    with transaction.atomic():
        refused = {}
        for split in splits:
            refused.update(harness.register(harness.officials(split)))
        yield refused
        transaction.set_rollback(True)


def figure(name: str, value: float, bar: str, met: bool) -> str:
    return f"{name:<58} {value:>7.3f}  {bar:<22} {'met' if met else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-class", type=int, default=4, help="generator variants per class per handle")
    parser.add_argument("--show-held-out", action="store_true", help="quote held-out misses (final report only)")
    args = parser.parse_args()
    harness.SHOW_HELD_OUT = args.show_held_out
    call_command("migrate", verbosity=0)
    summary = []
    started = time.perf_counter()
    with translation.override("en"):
        for split in ("dev", "heldout"):
            with registry(split) as refused:
                table = harness.hand_written(split)
                print(table.text(), end="\n\n")
                p, r = table.precision_recall(harness.RISK)
                summary.append(figure(f"lookalike recall, {split}.csv (precision {p:.3f})", r, ">= 0.95 at >= 0.95",
                                      r >= 0.95 and p >= 0.95))
                table = harness.generated(split, per_class=args.per_class)
                print(table.text("recall"), end="\n\n")
                summary.append(figure(f"generator, {split} officials, mean recall over classes",
                                      table.mean_class_rate(), ">= 0.90", table.mean_class_rate() >= 0.90))
                table = harness.recognised(split, refused)
                print(table.text(), end="\n\n")
                summary.append(figure(f"officials recognised, {split} ({len(refused)} refused at registration)",
                                      table.rate(), "100%", table.rate() == 1.0 and not refused))
        with registry("dev", "heldout"):
            table = harness.dnstwisted()
            print(table.text("recall"), end="\n\n")
            summary.append(figure("dnstwist, mean recall over fuzzer classes", table.mean_class_rate(), ">= 0.90",
                                  table.mean_class_rate() >= 0.90))
            table = harness.benign()
            print(table.text("not flagged"), end="\n\n")
            flagged = 1 - table.rate()
            summary.append(figure(f"benign flagged (of {len(table.rows)})", flagged, "<= 0.01", flagged <= 0.01))
        with override_settings(SAMPARK_MOVEMENT_NAMES=harness.MOVEMENT_NAMES):
            table = harness.messages()
            print(table.text(), end="\n\n")
            p, r = table.precision_recall("1")
            summary.append(figure(f"fishing recall, messages_heldout.csv (precision {p:.3f})", r,
                                  ">= 0.93 at >= 0.93", r >= 0.93 and p >= 0.93))
    print("summary (issue 12's bars)")
    print("\n".join("  " + line for line in summary))
    print(f"  ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
