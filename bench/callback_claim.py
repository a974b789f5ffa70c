"""Call-back desk claims under load: 20 volunteers claiming batches of 10 at once on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sampark_desk_bench .venv/bin/python bench/callback_claim.py \
        [--count 1000000] [--volunteers 20] [--rounds 25] [--batch 10] [--keep]

Drops and recreates the database named in DATABASE_URL (unless --keep and it is seeded already), migrates, loads
the UP demo areas and seeds supporters with `sampark supporters seed --count N` (each new one with a waiting
call-back; their call-backs are made due from their join date). Then, per scenario, the volunteers (threads,
each its own connection) start together at a barrier and claim `rounds` batches each; between batches a
volunteer records its batch as done (not timed), as it would after calling. Prints claim latency p50/p95/p99/max
per scenario and an exact check: every call-back claimed was claimed once, by one volunteer.

Scenarios: all volunteers in one district (Lucknow: the district and its assembly constituencies, the most
contention), and all at the state (Uttar Pradesh: every district and constituency, the widest area set).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
AREAS_CSV = ROOT / "sampark" / "geo" / "data" / "up_demo_areas.csv"


def sampark(*args: str) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "sampark"), *args], check=True, env=os.environ.copy())


def recreate(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _volunteer(user_id: int, rounds: int, batch: int, barrier, results) -> None:
    """One volunteer in a process of its own (its own connection, its own interpreter: no shared GIL)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from sampark.supporters.desk import queue
    from sampark.supporters.models import Callback

    user = get_user_model().objects.get(pk=user_id)
    # warm up (not timed, not counted): a new server process loads its catalog caches on its first statements
    ids = queue.claim(user, batch)
    Callback.objects.filter(pk__in=ids).update(status=Callback.Status.DONE, claimed_by=None, claimed_until=None)
    latencies, claimed = [], []
    barrier.wait()
    for _ in range(rounds):
        started = time.perf_counter()
        ids = queue.claim(user, batch)
        latencies.append(time.perf_counter() - started)
        claimed.append(ids)
        # what recording the outcomes does to the queue (not timed): the batch leaves it
        Callback.objects.filter(pk__in=ids).update(status=Callback.Status.DONE, claimed_by=None, claimed_until=None)
    results.put((user.username, latencies, claimed))
    connection.close()


def run_scenario(label: str, area_code: str, volunteers: int, rounds: int, batch: int) -> dict:
    import multiprocessing

    from django.contrib.auth import get_user_model
    from django.db import connections

    from sampark.accounts.models import Role, RoleAssignment
    from sampark.geo.models import Area
    from sampark.supporters.models import Callback

    area = Area.objects.get(code=area_code)
    users = []
    for i in range(volunteers):
        user, _ = get_user_model().objects.get_or_create(username=f"bench-{label}-{i}")
        RoleAssignment.objects.get_or_create(user=user, role=Role.VOLUNTEER, area=area)
        users.append(user)
    # claims a volunteer of an earlier run still holds (--keep) would count against their 50 open claims
    Callback.objects.filter(claimed_by__in=users, status=Callback.Status.ASSIGNED).update(
        status=Callback.Status.PENDING, claimed_by=None, claimed_until=None)
    connections.close_all()  # never share a connection with the forked volunteers
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(volunteers)
    results = context.Queue()
    processes = [context.Process(target=_volunteer, args=(user.pk, rounds, batch, barrier, results))
                 for user in users]
    wall = time.perf_counter()
    for process in processes:
        process.start()
    collected = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    wall = time.perf_counter() - wall
    claimed: dict[int, list[str]] = {}
    latencies: list[float] = []
    short = 0
    for username, times, batches in collected:
        latencies += times
        for ids in batches:
            short += len(ids) < batch
            for callback_id in ids:
                claimed.setdefault(callback_id, []).append(username)
    doubles = {cid: who for cid, who in claimed.items() if len(who) > 1}
    in_db = Callback.objects.filter(pk__in=list(claimed), status=Callback.Status.DONE).count()
    ms = [v * 1000 for v in latencies]
    return {
        "scenario": f"{label} ({area_code})", "claims": len(ms), "claimed": len(claimed), "double": len(doubles),
        "in_db": in_db, "short": short, "wall_s": wall, "p50": percentile(ms, 50), "p95": percentile(ms, 95),
        "p99": percentile(ms, 99), "max": max(ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000, help="supporters to seed")
    parser.add_argument("--volunteers", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=25, help="batches each volunteer claims")
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="reuse an already seeded database")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("set DATABASE_URL=postgres://…/<a database of its own>: it is dropped and recreated")
    os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp(prefix="sampark-claim-bench-"))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

    if not args.keep:
        recreate(url)
        started = time.monotonic()
        sampark("migrate", "-v0")
        sampark("geo", "import", str(AREAS_CSV))
        sampark("supporters", "seed", "--count", str(args.count))
        print(f"setup: {time.monotonic() - started:.0f} s", flush=True)

    import django

    django.setup()
    from django.db import connection

    from sampark.supporters.desk import queue

    with connection.cursor() as cursor:
        # the seed writes each call-back with its join date; waiting since then, as the intake worker would
        cursor.execute("UPDATE supporters_callback SET due_at = created_at WHERE status = 'pending'")
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM supporters_supporter")
        supporters = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM supporters_callback WHERE status = 'pending'")
        pending = cursor.fetchone()[0]
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(",")[0]
    queue.squash()
    print(f"{supporters:,} supporters, {pending:,} call-backs waiting; {version}; "
          f"{os.cpu_count()} cores", flush=True)
    print("| scenario | claims | p50 ms | p95 ms | p99 ms | max ms | claimed | short batches | claimed twice "
          "| wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, code in (("district", "UP-LKO"), ("state", "UP")):
        # autovacuum is off on the project's machine: clear what earlier runs left behind (a deployment vacuums)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE supporters_callback")
            cursor.execute("VACUUM ANALYZE supporters_callbackqueuecount")
        connection.close()
        r = run_scenario(label, code, args.volunteers, args.rounds, args.batch)
        print(f"| {r['scenario']} | {r['claims']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
              f"{r['max']:.1f} | {r['claimed']:,} | {r['short']} | {r['double']} | {r['wall_s']:.1f} |", flush=True)
        if r["double"] or r["in_db"] != r["claimed"]:
            sys.exit(f"FAIL: {r['double']} call-backs claimed twice; {r['in_db']} of {r['claimed']} recorded")
    print("PASS: no call-back was given to two volunteers")


if __name__ == "__main__":
    main()
