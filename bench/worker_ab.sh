#!/usr/bin/env bash
# The intake worker of two revisions side by side, on the same logged calls, alternately:
#
#   bash bench/worker_ab.sh sqlite|postgres OLD_REV [CALLS] [ROUNDS] [WORKERS]
#
# Logs CALLS (default 200,000) calls of a gen_requests.py plan straight into the call log (log_calls.py, no HTTP)
# with this tree's schema, snapshots the database, then ROUNDS times (default 3): restore the snapshot, time
# `sampark worker --once` (WORKERS processes, default 1 on SQLite and 2 on PostgreSQL) from OLD_REV, restore,
# time it from this tree. On a shared machine a lone rate drifts by 10-20% within minutes; the ratio of
# neighbouring runs does not. OLD_REV runs on this tree's schema: where the schema changed for speed (foreign
# keys, indexes), the old code gets that for free, so the ratio understates the change.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?sqlite or postgres}
old_rev=${2:?a git revision to compare with}
calls=${3:-200000}
rounds=${4:-3}
workers=${5:-$([[ $db == postgres ]] && echo 2 || echo 1)}
PG_BENCH_DB=sampark_ab
source bench/lib.sh

ab_setup ab "$db" "$old_rev"
gen_plan "$work" ab "$calls"
"$PY" "$BENCH/log_calls.py" "$work/ab.plan.tsv"

snapshot_database "$db" "$work"

restore() {
  restore_database "$db" "$work"
  if [[ $db == postgres ]]; then
    # fresh statistics and a checkpoint just before each run: every run starts from the same state
    pg_run "VACUUM ANALYZE"
    pg_run "CHECKPOINT"
    sync
  fi
}
pg_run() { "$PY" -c "import psycopg, sys; c = psycopg.connect(sys.argv[1], autocommit=True); c.execute(sys.argv[2])" \
  "$DATABASE_URL" "$1"; }

echo "| round | $old_rev (calls/s) | this tree (calls/s) | ratio |"
echo "|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  rates=()
  for tree in "$old_tree" "$ROOT"; do
    restore
    rate=$(cd "$tree" && PYTHONPATH=$tree "$PY" "$BENCH/worker.py" --workers "$workers" --interval 0.2 \
      --out "$work/worker-$round-$(basename "$tree").json" | "$PY" -c "import json,sys; print(json.load(sys.stdin)['calls_per_second'])")
    rates+=("$rate")
  done
  echo "| $round | ${rates[0]} | ${rates[1]} | $("$PY" -c "print(f'{$rate / ${rates[0]}:.2f}')") |"
done
echo "($calls logged calls, $workers worker(s), $db; raw JSON in $work)" >&2
