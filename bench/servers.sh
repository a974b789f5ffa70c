#!/usr/bin/env bash
# Which WSGI server, side by side on one database: granian (what `sampark serve` runs), gunicorn sync with
# 2/4/8 workers and gunicorn gthread (gunicorn installed into a throwaway --target dir, not the project), all
# serving the project's sampark.wsgi:application with the project's settings.
#
#   bash bench/servers.sh [sqlite|postgres|both]      (default postgres)
#
# Each server gets the same runs: wrk on GET /healthz (SELECT 1) and on the signed missed-call mix (calls.lua
# loop mode), SECONDS_EACH (default 15) each after a short warm-up, -t THREADS -c CONNS (2, 32); then paced.py
# at PACED_RATE calls/s (open loop) and at FAR_RATE calls/s with clients that close FAR_MS after the response.
# WHATIF=1 adds rows with the application as it was before the lean /hooks/ handler and with the per-request DB
# health check (bench/whatif_wsgi.py), to show what those two changes bought. ONLY=regex keeps matching rows.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${SECONDS_EACH:-15}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18441}
PACED_RATE=${PACED_RATE:-1000}   # open-loop latency run per server (bench/paced.py)
PACED_SECONDS=${PACED_SECONDS:-10}
FAR_RATE=${FAR_RATE:-200}        # ... and a light one whose clients close FAR_MS after the response, like a
FAR_MS=${FAR_MS:-40}             # provider one network delay away (gunicorn sync lingers until that FIN)
GUNICORN_DIR=${GUNICORN_DIR:-/tmp/sampark-bench-gunicorn}
PG_BENCH_DB=${PG_BENCH_DB:-sampark_bench_servers}
source bench/lib.sh

if [[ ! -d $GUNICORN_DIR/gunicorn ]]; then
  echo "installing gunicorn into $GUNICORN_DIR (throwaway; not a project dependency)" >&2
  "$PY" -m pip install --quiet --target "$GUNICORN_DIR" gunicorn==27.0.1
fi
GRANIAN_VERSION=$("$PY" -c "import granian; print(granian.__version__)")
GUNICORN_VERSION=$(PYTHONPATH=$GUNICORN_DIR "$PY" -c "import gunicorn; print(gunicorn.__version__)")
# gunicorn with the flags `sampark serve` used before it moved to granian
GUNICORN="env PYTHONPATH=$GUNICORN_DIR:$BENCH $PY -m gunicorn --bind 127.0.0.1:PORT --backlog 2048 --keep-alive 5 \
--access-logfile /dev/null --error-logfile - --log-level warning"
GRANIAN="env PYTHONPATH=$BENCH $PY -m granian --interface wsgi --host 127.0.0.1 --port PORT --backlog 2048 \
--log-level warning"

# name | command (PORT substituted)
servers() {
  cat <<EOF
sampark serve: granian $GRANIAN_VERSION, 2 workers x 8 threads (default)|$SAMPARK serve --no-worker --port PORT
granian $GRANIAN_VERSION, 4 workers x 2 threads|$SAMPARK serve --no-worker --workers 4 --threads 2 --port PORT
granian $GRANIAN_VERSION, 2 workers x 32 threads|$SAMPARK serve --no-worker --workers 2 --threads 32 --port PORT
gunicorn $GUNICORN_VERSION sync, 2 workers|$GUNICORN --worker-class sync --workers 2 sampark.wsgi:application
gunicorn $GUNICORN_VERSION sync, 4 workers|$GUNICORN --worker-class sync --workers 4 sampark.wsgi:application
gunicorn $GUNICORN_VERSION sync, 8 workers|$GUNICORN --worker-class sync --workers 8 sampark.wsgi:application
gunicorn $GUNICORN_VERSION gthread, 2 workers x 8 threads|$GUNICORN --worker-class gthread --workers 2 --threads 8 sampark.wsgi:application
gunicorn $GUNICORN_VERSION gthread, 4 workers x 4 threads|$GUNICORN --worker-class gthread --workers 4 --threads 4 sampark.wsgi:application
EOF
  if [[ -n ${WHATIF:-} ]]; then
    cat <<EOF
before b879cbf: gunicorn sync 4, full middleware on hooks, DB health check|env BENCH_FULL_MIDDLEWARE=1 BENCH_HEALTH_CHECKS=1 $GUNICORN --worker-class sync --workers 4 whatif_wsgi:application
granian 2x8, full middleware on hooks, DB health check|env BENCH_FULL_MIDDLEWARE=1 BENCH_HEALTH_CHECKS=1 $GRANIAN --workers 2 --blocking-threads 8 whatif_wsgi:application
granian 2x8, full middleware on hooks|env BENCH_FULL_MIDDLEWARE=1 $GRANIAN --workers 2 --blocking-threads 8 whatif_wsgi:application
granian 2x8, DB health check|env BENCH_HEALTH_CHECKS=1 $GRANIAN --workers 2 --blocking-threads 8 whatif_wsgi:application
EOF
  fi
}

run_db() {
  local db=$1 work n=0 name cmd base="http://127.0.0.1:$PORT" table
  work=$(mktemp -d "/tmp/sampark-servers-$db.XXXXXX")
  echo "=== $db: work dir $work" >&2
  fresh_database "$db" "$work"
  register_numbers "$work"
  "$PY" "$BENCH/setup_db.py"
  export DJANGO_SETTINGS_MODULE=sampark.settings
  table="| server | GET /healthz /s | calls (200) /s | calls p99 ms | calls ÷ healthz | $PACED_RATE/s offered: p50 / p99 ms | $FAR_RATE/s, clients ${FAR_MS} ms away: p50 / p99 ms | machine busy before |\n|---|---|---|---|---|---|---|---|"
  while IFS='|' read -r name cmd; do
    n=$((n + 1))
    echo "--- $name" >&2
    noise_probe "$work" "s$n"
    # shellcheck disable=SC2086
    start_command "$work" "$PORT" ${cmd//PORT/$PORT}
    wrk_plain "$base/healthz" 3 "$work/s$n.warm.json" >/dev/null
    wrk_plain "$base/healthz" "$SECONDS_EACH" "$work/s$n.healthz.json"
    gen_plan "$work" "s$n" $(( SECONDS_EACH * 6000 ))
    wrk_calls loop "$work/s$n" "$base" "$SECONDS_EACH" "$THREADS" "$CONNS" "$work/s$n.calls.json"
    gen_plan "$work" "p$n" $(( PACED_RATE * PACED_SECONDS ))
    paced "$work/p$n" "$base" "$PACED_SECONDS" "$PACED_RATE" "$work/s$n.paced.json"
    gen_plan "$work" "f$n" $(( FAR_RATE * PACED_SECONDS ))
    "$PY" "$BENCH/gen_requests.py" render --numbers "$work/numbers.json" --plan "$work/f$n.plan.tsv" \
      --base "$base" --out "$work/f$n.req.tsv"
    "$PY" "$BENCH/paced.py" --requests "$work/f$n.req.tsv" --rate "$FAR_RATE" --seconds "$PACED_SECONDS" \
      --url "$base" --close-delay "$FAR_MS" --out "$work/s$n.far.json" >/dev/null
    summarise "$work/s$n.far.json"
    stop_server
    table+="\n$("$PY" - "$name" "$work/s$n" <<'EOF'
import json, sys
name, prefix = sys.argv[1], sys.argv[2]
h, c, p, f = (json.load(open(f"{prefix}.{kind}.json")) for kind in ("healthz", "calls", "paced", "far"))
busy = dict(line.split() for line in open(f"{prefix.rsplit('/', 1)[0]}/noise.txt"))[prefix.rsplit("/", 1)[1]]
def per_s(r):
    return r["statuses"].get("200", 0) / r["seconds"]
hs, cs = per_s(h), per_s(c)
ps, fs = p["scheduled_latency_ms"], f["scheduled_latency_ms"]
print(f"| {name} | {hs:,.0f} | {cs:,.0f} | {c['latency_ms']['p99']:.0f} | {cs / hs:.2f} "
      f"| {ps['p50']:.1f} / {ps['p99']:.0f} | {fs['p50']:.1f} / {fs['p99']:.0f}"
      f"{' (' + str(f['errors']['timeout']) + ' timed out)' if f['errors']['timeout'] else ''} | {busy}% |")
EOF
)"
  done < <(servers | grep -E "${ONLY:-.}")
  mkdir -p "$BENCH/results"
  local out="$BENCH/results/servers-$db-$(date +%Y-%m-%d-%H%M).md"
  {
    echo "# WSGI servers on $db, $(date '+%Y-%m-%d %H:%M')"
    echo
    echo "$(nproc) cores; wrk -t$THREADS -c$CONNS -d${SECONDS_EACH}s on the same machine; calls = signed provider mix."
    echo
    echo -e "$table"
  } | tee "$out"
}

target=${1:-postgres}
case $target in
  sqlite|postgres) dbs=("$target") ;;
  both) dbs=(sqlite postgres) ;;
  *) echo "usage: bash bench/servers.sh [sqlite|postgres|both]" >&2; exit 2 ;;
esac
for db in "${dbs[@]}"; do run_db "$db"; done
