#!/usr/bin/env bash
# The missed-call benchmark: webhook throughput and latency, intake worker rate, exactness.
#
#   bash bench/run.sh [sqlite|postgres|both]          (default both; see bench/README.md)
#
# Per database: fresh data dir (PostgreSQL: database sampark_bench dropped and recreated), migrate, published
# numbers for six providers, then `sampark serve --no-worker` loaded by wrk from a separate process on
# 127.0.0.1, then `sampark worker --once` over >= 200,000 pending calls, then the exactness check.
# Knobs (environment): DURATION (s, <= 30) CONNS THREADS RATE BURST PORT SAMPARK_WEB_WORKERS;
# RATE_WRK=1 adds the wrk/Lua-paced variant of (c) (RATE_THREADS connections) for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
RATE=${RATE:-1000}
WARMUP_D=${WARMUP_D:-3}  # (d): seconds of load before the measured ones
RATE_THREADS=${RATE_THREADS:-20}
BURST=${BURST:-200000}
PORT=${PORT:-18431}
PG_BENCH_DB=${PG_BENCH_DB:-sampark_bench}
source bench/lib.sh

(( DURATION <= 30 )) || { echo "DURATION must be <= 30 s" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[[ -x $SAMPARK ]] || { echo "no $SAMPARK: run 'make install' first" >&2; exit 2; }

run_db() {
  local db=$1 stamp work
  stamp=$(date +%Y-%m-%d-%H%M)
  work=$(mktemp -d "/tmp/sampark-bench-$db.XXXXXX")
  echo "=== $db: work dir $work" >&2
  fresh_database "$db" "$work"
  register_numbers "$work"
  "$PY" "$BENCH/setup_db.py"
  local base="http://127.0.0.1:$PORT" runs=()

  start_server "$work" "$PORT"
  # Warm-up: the first requests of each web worker pay for lazy imports, URL resolver, connections.
  wrk_plain "$base/healthz" 3 "$work/warm-healthz.json" >/dev/null
  gen_plan "$work" w0 5000
  wrk_calls loop "$work/w0" "$base" 3 "$THREADS" "$CONNS" "$work/w0.result.json" >/dev/null
  runs+=("$work/w0.plan.tsv:$work/w0.result.json")

  noise_probe "$work" throughput
  echo "--- (a) throughput: wrk -t$THREADS -c$CONNS -d${DURATION}s, call mix" >&2
  gen_plan "$work" tp $(( DURATION * 6000 ))
  wrk_calls loop "$work/tp" "$base" "$DURATION" "$THREADS" "$CONNS" "$work/tp.result.json"
  runs+=("$work/tp.plan.tsv:$work/tp.result.json")

  noise_probe "$work" healthz
  echo "--- (b) trivial endpoint: wrk -t$THREADS -c$CONNS -d${DURATION}s GET /healthz" >&2
  wrk_plain "$base/healthz" "$DURATION" "$work/healthz.result.json"

  noise_probe "$work" paced
  echo "--- (c) fixed offered rate $RATE calls/s, open loop (bench/paced.py: one connection per call)" >&2
  gen_plan "$work" rt $(( RATE * DURATION ))
  paced "$work/rt" "$base" "$DURATION" "$RATE" "$work/rt.result.json"
  runs+=("$work/rt.plan.tsv:$work/rt.result.json")
  if [[ -n ${RATE_WRK:-} ]]; then
    echo "--- (c') the same rate paced by wrk's Lua delay() (-t$RATE_THREADS -c$RATE_THREADS), for comparison" >&2
    gen_plan "$work" rw $(( RATE * DURATION * 11 / 10 ))
    BENCH_RATE=$RATE wrk_calls rate "$work/rw" "$base" "$DURATION" "$RATE_THREADS" "$RATE_THREADS" \
      "$work/rw.result.json"
    runs+=("$work/rw.plan.tsv:$work/rw.result.json")
  fi

  noise_probe "$work" burst
  echo "--- burst: $BURST calls through HTTP, each request once" >&2
  burst "$work" b1 "$base" "$work/tp.result.json"
  for r in "$work"/b1.*.result.json; do runs+=("${r%.result.json}.plan.tsv:$r"); done
  stop_server

  noise_probe "$work" worker
  echo "--- worker: sampark worker --once" >&2
  "$PY" "$BENCH/worker.py" --workers 1 --interval 0.2 --out "$work/worker1.json"

  if [[ $db == postgres ]]; then
    echo "--- second burst for two workers in parallel" >&2
    start_server "$work" "$PORT"
    burst "$work" b2 "$base" "$work/tp.result.json"
    for r in "$work"/b2.*.result.json; do runs+=("${r%.result.json}.plan.tsv:$r"); done
    stop_server
    echo "--- worker: 2 x sampark worker --once in parallel" >&2
    "$PY" "$BENCH/worker.py" --workers 2 --interval 0.2 --out "$work/worker2.json"
  fi

  noise_probe "$work" paced-workers
  echo "--- (d) the same $RATE calls/s offered to \`sampark serve\` with its intake workers and SMS sender" >&2
  echo "    (after a ${WARMUP_D}s warm-up at the same rate, sent and checked but left out of the latencies: a fresh"\
    "server's first requests, and the moment the workers see the calls and slow down; see the timeline)" >&2
  start_server "$work" "$PORT" with-workers
  gen_plan "$work" rd $(( RATE * (DURATION + WARMUP_D) ))
  WARMUP=$WARMUP_D paced "$work/rd" "$base" $(( DURATION + WARMUP_D )) "$RATE" "$work/rd.result.json"
  runs+=("$work/rd.plan.tsv:$work/rd.result.json")
  sleep 2  # the workers' last pause
  stop_server
  "$SAMPARK" worker --once >/dev/null  # whatever the stopped workers left (normally nothing)

  echo "--- exactness" >&2
  local verdict=0
  "$PY" "$BENCH/check.py" --out "$work/check.json" "${runs[@]}" || verdict=$?

  mkdir -p "$BENCH/results"
  "$PY" "$BENCH/report.py" --db "$db" --work "$work" --duration "$DURATION" --conns "$CONNS" \
    --threads "$THREADS" --rate "$RATE" --rate-threads "$RATE_THREADS" | tee "$BENCH/results/$db-$stamp.md"
  echo "(results: $BENCH/results/$db-$stamp.md; raw JSON in $work)" >&2
  return $verdict
}

target=${1:-both}
case $target in
  sqlite|postgres) dbs=("$target") ;;
  both) dbs=(sqlite postgres) ;;
  *) echo "usage: bash bench/run.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac
status=0
for db in "${dbs[@]}"; do run_db "$db" || status=1; done
exit $status
