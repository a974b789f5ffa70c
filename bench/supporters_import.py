"""`sampark supporters import` at scale: rows per second with dedup, and peak memory.

    python bench/supporters_import.py [--rows 1000000] [--existing 1000000] [--database sampark_imports_bench]

1. A PostgreSQL database of its own (created when missing; ``--fresh`` drops it first), migrated, the UP demo
   areas loaded, and ``sampark supporters seed`` up to ``--existing`` supporters (only what is missing: a
   second run reuses them).
2. A CSV of ``--rows`` rows (the work dir): phone written in the four ways people do (+91 98…, 098…, 91…, bare),
   name, area_code (districts and assemblies of the demo areas), language, tags; 5% duplicates (half a number
   already in the database, half a number earlier in the file) and 1% bad rows (bad phones, unknown areas,
   formulas).
3. ``sampark supporters import`` in a child process, timed, its RSS sampled every 0.2 s; the summary line is
   checked against what the generator planted.

Prints rows/s and peak RSS (MiB). The machine is whatever runs it: say which, and what else ran on it.
"""

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPARK = str(ROOT / ".venv" / "bin" / "sampark")
AREAS = ROOT / "sampark" / "geo" / "data" / "up_demo_areas.csv"
FRESH_BASE = 9_100_000_000  # numbers new to the database: +91 91… (the seed uses 90100 …), a block of 10 million
# per --seed, so a second run into the same database imports new numbers again
SEED_BASE = 9_010_000_000  # sampark.supporters.imports.seed.FIRST_NUMBER


def sh(args, env, **kw):
    return subprocess.run(args, env=env, check=True, text=True, capture_output=True, **kw)


def written(number: int, rng: random.Random) -> str:
    digits = str(number)
    return rng.choice([f"+91 {digits[:5]} {digits[5:]}", f"0{digits}", f"91{digits}", digits])


def generate(path: Path, rows: int, existing: int, rng: random.Random, base: int) -> dict:
    codes = [row["code"] for row in csv.DictReader(AREAS.open(encoding="utf-8"))
             if row["level"] in ("district", "assembly")]
    planted = {"new": 0, "dup_db": 0, "dup_file": 0, "bad": 0}
    fresh = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["phone", "name", "area_code", "language", "tags"])
        for _ in range(rows):
            roll = rng.random()
            name, area = f"Person {rng.randrange(10**6)}", rng.choice(codes)
            language, tags = rng.choice(["hi", "hi", "en", ""]), rng.choice(["", "", "farmer", "youth;student"])
            if roll < 0.01:
                planted["bad"] += 1
                phone, area, name = rng.choice([("12345", area, name), (written(base + fresh, rng), "UP-NOWHERE",
                                                name), (written(base + fresh, rng), area, "=HYPERLINK(1)")])
            elif roll < 0.035 and existing:
                planted["dup_db"] += 1
                phone = written(SEED_BASE + rng.randrange(existing), rng)
            elif roll < 0.06 and fresh:
                planted["dup_file"] += 1
                phone = written(base + rng.randrange(fresh), rng)
            else:
                planted["new"] += 1
                phone = written(base + fresh, rng)
                fresh += 1
            out.writerow([phone, name, area, language, tags])
    return planted


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _backends(database: str, host: str) -> list[int]:
    """PostgreSQL server processes connected to the bench database (the import's own connection among them)."""
    out = subprocess.run(["psql", "-h", host, "-U", "postgres", "-d", database, "-tAc",
                          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                          "AND pid <> pg_backend_pid()"], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def run_import(path: Path, env, database: str, host: str) -> dict:
    """Wall time, peak RSS and CPU seconds of the importing process and of its PostgreSQL backend (sampled from
    /proc every 0.2 s; the server runs on this machine)."""
    started = time.monotonic()
    child = subprocess.Popen([SAMPARK, "supporters", "import", str(path), "--source", "bench"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, server, polls, client = 0.0, {}, 0, 0.0
    status = Path(f"/proc/{child.pid}/status")
    while child.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
            client = _cpu_seconds(child.pid)
        except OSError:
            pass
        if polls % 5 == 0:  # every second: which backends serve the bench database
            backends = _backends(database, host)
        for pid in backends:
            try:
                server[pid] = _cpu_seconds(pid)
            except OSError:
                pass
        polls += 1
        time.sleep(0.2)
    out, err = child.communicate()
    if child.returncode:
        sys.exit(f"import failed: {err}")
    return {"seconds": time.monotonic() - started, "peak": peak, "summary": out.strip(), "client_cpu": client,
            "server_cpu": sum(server.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--existing", type=int, default=1_000_000)
    parser.add_argument("--database", default="sampark_imports_bench")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    parser.add_argument("--seed", type=int, default=int(time.time()) % 80,
                        help="random seed, and which block of new numbers the file uses (0-79)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    data = Path(os.environ.get("BENCH_DATA_DIR", work / "data"))
    data.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@{args.host}:5432/{args.database}",
           "SAMPARK_DATA_DIR": str(data), "SAMPARK_PII_KEY": "bench-import-key-" + "x" * 32}
    if args.fresh:
        subprocess.run(["dropdb", "-h", args.host, "-U", "postgres", "--if-exists", args.database], check=True)
    subprocess.run(["createdb", "-h", args.host, "-U", "postgres", args.database], capture_output=True)
    sh([SAMPARK, "migrate", "-v0"], env)
    sh([SAMPARK, "geo", "import", str(AREAS)], env)
    # seeded so far (the seed's series continues from here): the numbers a "duplicate in the database" row uses
    have = int(sh(["psql", "-h", args.host, "-U", "postgres", "-d", args.database, "-tAc",
                   "SELECT COALESCE(MAX(value), 0) FROM core_counter WHERE name = 'seed_next_number'"],
                  env).stdout.strip() or 0)
    if have < args.existing:
        print(f"seeding {args.existing - have:,} supporters …", flush=True)
        started = time.monotonic()
        sh([SAMPARK, "supporters", "seed", "--count", str(args.existing - have)], env)
        print(f"  {time.monotonic() - started:.0f} s", flush=True)
    subprocess.run(["psql", "-h", args.host, "-U", "postgres", "-d", args.database, "-qc", "VACUUM ANALYZE"],
                   check=True)
    path = work / "supporters.csv"
    rng = random.Random(args.seed)
    if args.rows > 10_000_000:
        sys.exit("--rows: at most 10,000,000 (one block of new numbers)")
    base = FRESH_BASE + (args.seed % 80) * 10_000_000
    planted = generate(path, args.rows, max(have, args.existing), rng, base)  # seeded: +91 90100 00000 …
    print(f"file: {path} ({path.stat().st_size / 2**20:.0f} MiB), --seed {args.seed}, planted {planted}", flush=True)
    result = run_import(path, env, args.database, args.host)
    seconds, client_cpu = result["seconds"], result["client_cpu"]
    print(result["summary"])
    print(f"{args.rows:,} rows in {seconds:.1f} s: {args.rows / seconds:,.0f} rows/s, "
          f"peak RSS {result['peak']:.0f} MiB (into a database with {max(have, args.existing):,} seeded supporters)")
    print(f"CPU per row: importer {client_cpu / args.rows * 1e6:.0f} µs, its PostgreSQL backend "
          f"{result['server_cpu'] / args.rows * 1e6:.0f} µs (the rest of the wall time: waiting for a core, disk)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"work dir {work}")


if __name__ == "__main__":
    main()
