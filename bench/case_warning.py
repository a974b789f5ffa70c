"""Benchmark: queueing a confirmed fake's warning to N supporters (trust.case_warning), chunk by chunk.

    .venv/bin/python bench/case_warning.py [--db sqlite|postgres] [--supporters 1000000] [--chunk 5000]

Fresh database each run (SQLite in a temporary data dir; PostgreSQL database ``sampark_bench_cases`` dropped
and recreated). Supporters are written with set-based inserts and synthetic encrypted numbers; the timed part is
``queue_case_warning`` alone: rows queued per second, and the process's peak memory (which must not grow with N).
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--supporters", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=5000)
    args = parser.parse_args()
    os.environ["SAMPARK_DATA_DIR"] = tempfile.mkdtemp(prefix="sampark-bench-warning-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    os.environ["SAMPARK_LOG_LEVEL"] = "WARNING"
    if args.db == "postgres":
        import psycopg

        admin = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "sampark_bench_cases" WITH (FORCE)')
            conn.execute('CREATE DATABASE "sampark_bench_cases"')
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/sampark_bench_cases"
    else:
        os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    from sampark.core import pii
    from sampark.core.bulk import insert_rows
    from sampark.outreach.models import OutboundSms
    from sampark.supporters.models import Supporter
    from sampark.trust.cases import warning as case_warning
    from sampark.trust.models import Case, CaseStatus, OfficialChannel, Owner
    from sampark.web.demo import load_trust_templates

    load_trust_templates()
    started = time.perf_counter()
    cipher = pii.encrypt("+919000000001")  # the same ciphertext for all: the bench measures queueing, not AES
    adapt = connection.ops.adapt_datetimefield_value
    from django.utils import timezone

    now = adapt(timezone.now())
    step = 50_000
    for start in range(0, args.supporters, step):
        rows = [(f"b{n:011d}", cipher, f"{n:032x}", "+91 90XXXXXX01", "IN", True, "", "hi" if n % 4 else "en",
                 False, "new", "bench", None, 0, 1, now, now)
                for n in range(start, min(start + step, args.supporters))]
        with transaction.atomic():
            insert_rows(Supporter, ("public_id", "phone_cipher", "phone_index", "phone_hint", "phone_region",
                                    "phone_is_mobile", "name", "language", "area_is_guess", "stage", "notice_version",
                                    "contact_consent", "call_count", "link_version", "created_at", "updated_at"),
                        rows)
    print(f"setup: {args.supporters:,} supporters in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    owner = Owner.objects.create(name_en="Sampark")
    channel = OfficialChannel.objects.create(platform="x", handle="samparkofficial", display="@SamparkOfficial",
                                             owner=owner)
    case = Case.objects.create(platform="x", target="sampark0fficial", target_display="@Sampark0fficial",
                               resembles=channel, status=CaseStatus.CONFIRMED)
    with transaction.atomic():
        assert case_warning.start(case, actor=None)
    case_warning.CHUNK = args.chunk
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    queued = case_warning.queue_case_warning.call(case.pk)
    seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert queued == args.supporters == OutboundSms.objects.count(), (queued, OutboundSms.objects.count())
    print(f"{args.db}: queued {queued:,} warnings in {seconds:.1f} s = {queued / seconds:,.0f}/s "
          f"(chunk {args.chunk}); peak RSS {rss_before / 1024:.0f} MB before, {rss_after / 1024:.0f} MB after")


if __name__ == "__main__":
    main()
