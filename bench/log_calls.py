"""Put a plan's calls straight into the call log with telephony.services.log_call (no HTTP), for profiling
the worker without a web server:

    python bench/log_calls.py PLAN.tsv            # every line of a gen_requests.py plan, duplicates included
    python bench/log_calls.py PLAN.tsv --profile-worker   # then cProfile `intake.run(once=True)`

Runs with the bench's SAMPARK_DATA_DIR / DATABASE_URL; the published numbers must exist (run.sh registers
bench-<provider> slugs).
"""

import argparse
import cProfile
import io
import os
import pstats
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from sampark.telephony import intake, numbers, services  # noqa: E402
from sampark.telephony.providers.base import InboundCall  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("--profile-worker", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    logged = 0
    with open(args.plan) as handle:
        for line in handle:
            provider, call_id, raw, _e164, _dup = line.rstrip("\n").split("\t")
            config = numbers.lookup(provider, f"bench-{provider}")
            logged += services.log_call(config, InboundCall(call_id, raw))
    elapsed = time.perf_counter() - started
    print(f"logged {logged} new calls in {elapsed:.1f} s ({logged / elapsed:,.0f}/s, one process, log_call)")
    if args.profile_worker:
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        done = intake.run(once=True)
        profiler.disable()
        elapsed = time.perf_counter() - started
        print(f"worker (under cProfile): {done} calls in {elapsed:.1f} s ({done / elapsed:,.0f}/s)")
        for order in ("cumulative", "tottime"):
            stream = io.StringIO()
            pstats.Stats(profiler, stream=stream).sort_stats(order).print_stats(40)
            print(stream.getvalue())


if __name__ == "__main__":
    main()
