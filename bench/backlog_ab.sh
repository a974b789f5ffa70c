#!/usr/bin/env bash
# Webhook latency while `sampark serve`'s workers have a backlog, for two revisions side by side:
#
#   bash bench/backlog_ab.sh sqlite|postgres OLD_REV [ROUNDS] [PROCESSED] [PENDING]
#
# Builds one database with a backlog: PROCESSED calls (default 200,000) logged and turned into supporters, so
# their confirmation SMS are queued, then PENDING more calls (default 100,000) logged and left for the workers.
# Snapshots it; then ROUNDS times (default 2), alternately for OLD_REV and this tree: restore the snapshot,
# start `sampark serve` as deployed (web, intake workers, SMS sender, file backend) inside that revision's
# tree, 2 s later offer RATE calls/s (default 1,000) for 23 s with bench/paced.py, and report p50/p99 from the
# schedule over the last 20 s (the first 3 are a warm-up: the fresh server's first requests, and the moment the
# workers see the calls and slow down; the first second's p99 is shown apart), the worst second's p99, and how
# many calls were processed and SMS sent while the load ran (the workers run flat out for the few seconds
# between the server's start and the load, and did so before pacing too).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?sqlite or postgres}
old_rev=${2:?a git revision to compare with}
rounds=${3:-2}
processed=${4:-200000}
pending=${5:-100000}
RATE=${RATE:-1000}
PORT=${PORT:-8741}
PG_BENCH_DB=sampark_backlog
source bench/lib.sh

ab_setup backlog "$db" "$old_rev"
gen_plan "$work" done "$processed"
"$PY" "$BENCH/log_calls.py" "$work/done.plan.tsv"
"$SAMPARK" worker --once
gen_plan "$work" pending "$pending"
"$PY" "$BENCH/log_calls.py" "$work/pending.plan.tsv"
snapshot_database "$db" "$work"
base=http://127.0.0.1:$PORT

done_so_far() {  # "processed calls, sent SMS"
  "$PY" - <<'EOF2'
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
import django
django.setup()
from sampark.outreach.models import OutboundSms
from sampark.telephony.models import Call
print(Call.objects.filter(processed_at__isnull=False).count(), OutboundSms.objects.filter(status="sent").count())
EOF2
}

echo "| round | revision | first second's p99 ms | p50 ms | p99 ms | worst second's p99 ms | calls processed | SMS sent |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for tree in "$old_tree" "$ROOT"; do
    name=$([[ $tree == "$ROOT" ]] && echo "this tree" || echo "$old_rev")
    restore_database "$db" "$work"
    start_server_in "$tree" "$work" "$PORT" with-workers
    gen_plan "$work" live "$(( RATE * 23 ))" 2>/dev/null
    "$PY" "$BENCH/gen_requests.py" render --numbers "$work/numbers.json" --plan "$work/live.plan.tsv" \
      --base "$base" --out "$work/live.req.tsv" 2>/dev/null
    sleep 2
    read -r calls0 sms0 < <(done_so_far)
    out=$work/live-$round-${name// /-}
    "$PY" "$BENCH/paced.py" --requests "$work/live.req.tsv" --rate "$RATE" --seconds 23 --warmup 3 --url "$base" \
      --out "$out.json" --timeline "$out.timeline.tsv" >/dev/null
    read -r calls1 sms1 < <(done_so_far)
    stop_server
    "$PY" - "$out.json" "$out.timeline.tsv" "$round" "$name" "$((calls1 - calls0))" "$((sms1 - sms0))" <<'EOF2'
import json, sys
result, timeline, rnd, name, calls, sms = json.load(open(sys.argv[1])), *sys.argv[2:5], *map(int, sys.argv[5:7])
seconds = [float(line.split("\t")[3]) for line in open(timeline).read().splitlines()[1:]]
s = result["scheduled_latency_ms"]
ok, sent = result["statuses"].get("200", 0), result["threads"][0]["issued"]
print(f"| {rnd} | {name} | {seconds[0]:.1f} | {s['p50']:.1f} | {s['p99']:.1f} | {max(seconds[3:]):.1f} | {calls:,} | {sms:,} |"
      + ("" if ok == sent else f" only {ok} of {sent} answered 200"))
EOF2
  done
done
echo "($db, $RATE calls/s offered for 3 + 20 s; raw results in $work)" >&2
