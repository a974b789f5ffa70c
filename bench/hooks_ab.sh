#!/usr/bin/env bash
# The webhooks of two revisions side by side, alternately, each on a fresh copy of one database:
#
#   bash bench/hooks_ab.sh sqlite|postgres OLD_REV [ROUNDS] [SECONDS]
#
# Per run: restore the snapshot (this tree's schema, the six published numbers, areas), `sampark serve
# --no-worker` from that revision's tree (started inside it, so Python imports that tree's code), a warm-up,
# then (a) the call mix with wrk for SECONDS (default 15) and (b) GET /healthz for as long. Reports calls/s,
# /healthz/s, and the CPU each side spent per accepted call (web server processes, database server processes),
# read from /proc before and after (a). ROUNDS (default 3) alternate which revision goes first. On a shared
# machine a lone rate drifts by 10-30% within minutes; the ratio of neighbouring runs does not.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BENCH_DB=sampark_hooks_ab
PORT=${PORT:-18432}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
db=${1:?sqlite or postgres}
old_rev=${2:?a git revision to compare with}
rounds=${3:-3}
seconds=${4:-15}
source bench/lib.sh
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }

ab_setup hooks-ab "$db" "$old_rev"

snapshot_database "$db" "$work"

# CPU ticks of the web server's processes (granian), the database server's (postgres) and the whole machine.
cpu_ticks() {
  "$PY" - <<'EOF'
import os
web = db = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
        cmd = open(f"/proc/{pid}/cmdline").read()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    ticks = int(fields[11]) + int(fields[12])
    if "granian" in cmd:
        web += ticks
    elif cmd.startswith("postgres"):
        db += ticks
print(web, db)
EOF
}

base=http://127.0.0.1:$PORT
echo "| round | revision | calls/s | /healthz/s | calls ÷ /healthz | web CPU µs/call | database CPU µs/call |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  trees=("$old_tree" "$ROOT")
  (( round % 2 == 0 )) && trees=("$ROOT" "$old_tree")
  for tree in "${trees[@]}"; do
    name=$([[ $tree == "$ROOT" ]] && echo "this tree" || echo "$old_rev")
    tag=r$round-$([[ $tree == "$ROOT" ]] && echo new || echo old)
    restore_database "$db" "$work"
    start_server_in "$tree" "$work" "$PORT"
    wrk_plain "$base/healthz" 2 "$work/$tag.warm.json" 2>/dev/null
    gen_plan "$work" "$tag.w" 3000 2>/dev/null
    wrk_calls loop "$work/$tag.w" "$base" 2 "$THREADS" "$CONNS" "$work/$tag.w.json" 2>/dev/null
    gen_plan "$work" "$tag" $(( seconds * 5000 )) 2>/dev/null
    "$PY" "$BENCH/gen_requests.py" render --numbers "$work/numbers.json" --plan "$work/$tag.plan.tsv" --base "$base" \
      --out "$work/$tag.req.tsv" 2>/dev/null
    read -r web0 db0 < <(cpu_ticks)
    BENCH_MODE=loop BENCH_REQUESTS=$work/$tag.req.tsv BENCH_THREADS=$THREADS BENCH_CONNS=$CONNS \
      BENCH_RESULT=$work/$tag.json BENCH_DONE_DIR= BENCH_RATE=0 \
      wrk -t"$THREADS" -c"$CONNS" -d"${seconds}s" --timeout 10s -s "$BENCH/calls.lua" "$base/" >"$work/$tag.txt"
    read -r web1 db1 < <(cpu_ticks)
    wrk_plain "$base/healthz" "$seconds" "$work/$tag.healthz.json" 2>/dev/null
    stop_server
    "$PY" - "$work/$tag.json" "$work/$tag.healthz.json" "$round" "$name" $((web1 - web0)) $((db1 - db0)) <<'EOF'
import json, os, sys
calls, health = (json.load(open(path)) for path in sys.argv[1:3])
rate = calls["statuses"].get("200", 0) / calls["seconds"]
trivial = health["statuses"].get("200", 0) / health["seconds"]
accepted = calls["statuses"].get("200", 0)
per_call = lambda ticks: int(ticks) / os.sysconf("SC_CLK_TCK") / accepted * 1e6
print(f"| {sys.argv[3]} | {sys.argv[4]} | {rate:,.0f} | {trivial:,.0f} | {rate / trivial:.2f} | "
      f"{per_call(sys.argv[5]):.0f} | {per_call(sys.argv[6]):.0f} |")
EOF
  done
done
echo "($db, wrk -t$THREADS -c$CONNS -d${seconds}s, raw JSON in $work)" >&2
