"""The results table of one bench/run.sh database run, as Markdown on stdout (run.sh tees it to bench/results/)."""

import argparse
import glob
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

TARGETS = {"sqlite": 1000, "postgres": 2000}
P99_TARGET_MS = 50
WORKER_TARGET = 10_000


def load(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def ok(flag: bool) -> str:
    return "met" if flag else "**missed**"


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("db", "work", "duration", "conns", "threads", "rate", "rate-threads"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    work = Path(args.work)
    tp, hz, rt = (load(work / f) for f in ("tp.result.json", "healthz.result.json", "rt.result.json"))
    w1, w2, check = (load(work / f) for f in ("worker1.json", "worker2.json", "check.json"))
    bursts = [json.loads(Path(p).read_text()) for p in sorted(glob.glob(str(work / "b1.*.result.json")))]

    def rate200(r):
        return r["statuses"].get("200", 0) / r["seconds"]

    calls_s, health_s = rate200(tp), rate200(hz)
    burst_ok = sum(b["statuses"].get("200", 0) for b in bursts)
    burst_s = burst_ok / sum(b["seconds"] for b in bursts) if bursts else 0
    server = (work / "server.txt").read_text().strip() if (work / "server.txt").exists() else "?"
    server = server.replace(str(Path(sys.executable).parent) + "/", "")
    out = [
        f"# Missed-call benchmark: {args.db}, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}. "
        f"`sampark serve --no-worker` started `{server}`. Load from wrk / bench/paced.py on the same machine "
        "(127.0.0.1): client and server share the cores.",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| (a) accepted calls/s, `wrk -t{args.threads} -c{args.conns} -d{args.duration}s`, provider mix "
        f"| **{calls_s:,.0f}/s** (p50 {tp['latency_ms']['p50']:.1f} ms, p99 {tp['latency_ms']['p99']:.1f} ms, "
        f"{tp['statuses']}) | ≥ {TARGETS[args.db]:,}/s: {ok(calls_s >= TARGETS[args.db])} |",
        f"| (b) GET /healthz (SELECT 1), same wrk | {health_s:,.0f}/s (p50 {hz['latency_ms']['p50']:.1f} ms, "
        f"p99 {hz['latency_ms']['p99']:.1f} ms) | denominator |",
        f"| (a)/(b) calls vs trivial endpoint | {calls_s / health_s:.2f} | |",
        f"| (c) at {int(args.rate):,} calls/s offered, open loop (bench/paced.py, a new connection per call) "
        f"| achieved {rate200(rt):,.0f}/s; p50 {rt['scheduled_latency_ms']['p50']:.1f} ms, "
        f"p99 **{rt['scheduled_latency_ms']['p99']:.1f} ms**, max {rt['scheduled_latency_ms']['max']:.1f} ms "
        f"(from scheduled send time; {rt['connections']} connections open at most) "
        f"| p99 ≤ {P99_TARGET_MS} ms: {ok(rt['scheduled_latency_ms']['p99'] <= P99_TARGET_MS)} |",
    ]
    rd = load(work / "rd.result.json")
    if rd:
        out.append(
            f"| (d) the same, `sampark serve` with its workers (intake, SMS sender) running, after a "
            f"{rd.get('warmup_seconds', 0):g} s warm-up at that rate "
            f"| achieved {rate200(rd):,.0f}/s; p50 {rd['scheduled_latency_ms']['p50']:.1f} ms, "
            f"p99 **{rd['scheduled_latency_ms']['p99']:.1f} ms**, max {rd['scheduled_latency_ms']['max']:.1f} ms "
            f"| p99 ≤ {P99_TARGET_MS} ms: {ok(rd['scheduled_latency_ms']['p99'] <= P99_TARGET_MS)} |"
        )
    rw = load(work / "rw.result.json")
    if rw:
        out.append(
            f"| (c') same rate paced by wrk Lua delay(), `-t{args.rate_threads} -c{args.rate_threads}` "
            f"| achieved {rate200(rw):,.0f}/s; from schedule p50 {rw['scheduled_latency_ms']['p50']:.1f} ms, "
            f"p99 {rw['scheduled_latency_ms']['p99']:.1f} ms (wrk's own p99 {rw['latency_ms']['p99']:.1f} ms) "
            f"| artefact: idle paced connections block sync workers |"
        )
    out += [
        f"| burst through HTTP, each request once | {burst_ok:,} requests answered 200 at {burst_s:,.0f}/s "
        f"in {len(bursts)} wrk runs | ≥ 200,000 calls |",
    ]
    # The target is judged on the intake processes `sampark serve` runs by default (intake.worker_count): two
    # on PostgreSQL, one on SQLite; any other count is shown for comparison.
    serve_default = 2 if args.db == "postgres" else 1
    for count, label, w in ((1, "1 worker", w1), (2, "2 workers in parallel", w2)):
        if not w:
            continue
        rss = "; ".join(f"{r['min']:.0f}–{r['max']:.0f} MiB" for r in w["rss_mib"] if r)
        verdict = (f"≥ {WORKER_TARGET:,}/s: {ok(w['calls_per_second'] >= WORKER_TARGET)}" if count == serve_default
                   else f"for comparison (`sampark serve` runs {serve_default})")
        out.append(
            f"| worker `--once`, {label} | **{w['calls_per_second']:,.0f} calls/s** ({w['processed']:,} calls in "
            f"{w['seconds']:.1f} s; per worker {w['processed_per_worker']}); RSS {rss} | {verdict} |"
        )
    noise = (work / "noise.txt").read_text().split("\n") if (work / "noise.txt").exists() else []
    noise = [line.split() for line in noise if line.strip()]
    if noise:
        out.append(
            "| machine busy before each phase (other work) | "
            + ", ".join(f"{label} {busy}%" for label, busy in noise)
            + " | ≤ 10% |"
        )
    if check:
        out.append(
            f"| exactness | **{'PASS' if check['pass'] else 'FAIL'}**: {check['calls']:,} calls, "
            f"{check['supporters']:,} supporters = unique valid callers {check['unique_valid_callers']:,}, "
            f"{check['rejected']:,} rejected, {check['duplicate_deliveries_absorbed']:,} duplicate deliveries "
            f"absorbed | exact |"
        )
        failed = [c for c in check["checks"] if not c["ok"]]
        if failed:
            out += ["", "Failed checks:", *(f"- {c['check']}: got {c['got']}, want {c['want']}" for c in failed)]
    print("\n".join(out))


if __name__ == "__main__":
    main()
