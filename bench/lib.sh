# Shared by the bench scripts (sourced from the repository root; expects PG_BENCH_DB).

ROOT=$PWD
BENCH=$ROOT/bench
PY=$ROOT/.venv/bin/python
SAMPARK=$ROOT/.venv/bin/sampark
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}

PROVIDERS=(generic twilio plivo exotel ozonetel myoperator)
SERVER_PID=

# A fresh data dir (keys, SQLite file, outbox) and, for PostgreSQL, a fresh database; then migrate.
fresh_database() {
  local db=$1 work=$2
  export SAMPARK_DATA_DIR=$work/data
  mkdir -p "$SAMPARK_DATA_DIR"
  export SAMPARK_LOG_LEVEL=${SAMPARK_LOG_LEVEL:-WARNING}
  if [[ $db == postgres ]]; then
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$PG_BENCH_DB
    "$PY" - "$PG_ADMIN_URL" "$PG_BENCH_DB" <<'EOF'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{sys.argv[2]}"')
EOF
  else
    unset DATABASE_URL
  fi
  "$SAMPARK" migrate -v0
}

# Published numbers with known secrets, through `sampark number add` when the tree has that command, else
# through the service function it wraps (telephony.services.add_number). Writes $work/numbers.json.
register_numbers() {
  local work=$1 n=0 provider secret slug number via=services
  local has_cli=0
  "$SAMPARK" help number >/dev/null 2>&1 && has_cli=1
  echo "{" >"$work/numbers.json"
  for provider in "${PROVIDERS[@]}"; do
    n=$((n + 1))
    slug=bench-$provider
    secret=bench-$provider-secret-0123456789abcdef
    number=+9111400000$(printf %02d $n)
    if (( has_cli )) && "$SAMPARK" number add --provider "$provider" --slug "$slug" --number "$number" \
         --secret "$secret" >/dev/null 2>&1; then
      via="sampark number add"
    else
      "$PY" - "$provider" "$slug" "$number" "$secret" <<'EOF'
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
import django
django.setup()
from sampark.telephony.services import add_number
provider, slug, number, secret = sys.argv[1:]
add_number(provider=provider, slug=slug, number=number, secret=secret)
EOF
    fi
    printf '%s "%s": {"slug": "%s", "number": "%s", "secret": "%s"}\n' "$([[ $n == 1 ]] || echo ,)" \
      "$provider" "$slug" "$number" "$secret" >>"$work/numbers.json"
  done
  echo "}" >>"$work/numbers.json"
  echo "numbers: ${PROVIDERS[*]} registered via $via" >&2
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_healthy() {
  local url=$1 pid=$2
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.2
  done
  echo "server not healthy after 30 s" >&2
  return 1
}

# `sampark serve --no-worker`: the web server exactly as the project configures it (SAMPARK_WEB_WORKERS etc.).
# A third argument "with-workers" starts it as deployed: with the intake workers and the SMS sender.
start_server() {
  local work=$1 port=$2 no_worker=--no-worker
  [[ ${3:-} == with-workers ]] && no_worker=
  port_free "$port" || { echo "port $port is in use" >&2; return 1; }
  SAMPARK_PUBLIC_URL=http://127.0.0.1:$port "$SAMPARK" serve --port "$port" $no_worker \
    >>"$work/serve.log" 2>&1 &
  SERVER_PID=$!
  wait_healthy "http://127.0.0.1:$port/healthz" "$SERVER_PID"
  # what `sampark serve` actually started, for the report
  ps -o args= --ppid "$SERVER_PID" | grep -v -e " worker" -e db_worker | head -1 >"$work/server.txt" || true
}

# start_server_in TREE WORK PORT [with-workers]: start_server with TREE's code. Python puts the working directory
# first on sys.path, ahead of PYTHONPATH, so the server must start inside its tree.
start_server_in() {
  local tree=$1
  shift
  cd "$tree"
  PYTHONPATH=$tree start_server "$@"
  cd "$ROOT"
}

# ab_setup NAME DB OLD_REV, for the side-by-side scripts: sets `work` (a new work dir) and `old_tree` (OLD_REV
# checked out in it, removed on exit); a fresh database with the bench's numbers, templates and areas.
ab_setup() {
  local name=$1 db=$2 old_rev=$3
  work=$(mktemp -d "/tmp/sampark-$name-$db.XXXXXX")
  old_tree=$work/old-tree
  git worktree add -q --detach "$old_tree" "$old_rev"
  trap 'stop_server; git worktree remove --force "$old_tree"' EXIT
  fresh_database "$db" "$work"
  register_numbers "$work"
  "$PY" "$BENCH/setup_db.py"
}

# Any command line as the server (servers.sh), same health wait.
start_command() {
  local work=$1 port=$2
  shift 2
  port_free "$port" || { echo "port $port is in use" >&2; return 1; }
  SAMPARK_PUBLIC_URL=http://127.0.0.1:$port "$@" >>"$work/serve.log" 2>&1 &
  SERVER_PID=$!
  wait_healthy "http://127.0.0.1:$port/healthz" "$SERVER_PID"
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  sleep 1
}
trap stop_server EXIT

# Busy CPU share over one second while the bench itself is idle: other work on the machine skews every figure.
# Appends "label busy%" to $1/noise.txt and warns above 10%.
noise_probe() {
  local work=$1 label=$2 a b busy
  read -r _ a1 a2 a3 a4 a5 a6 a7 _ </proc/stat; a=$((a1 + a2 + a3 + a5 + a6 + a7)); b=$a4
  sleep 1
  read -r _ c1 c2 c3 c4 c5 c6 c7 _ </proc/stat
  busy=$(( 100 * ((c1 + c2 + c3 + c5 + c6 + c7) - a) / ((c1 + c2 + c3 + c4 + c5 + c6 + c7) - a - b) ))
  echo "$label $busy" >>"$work/noise.txt"
  (( busy <= 10 )) || echo "  warning: the machine was ${busy}% busy before '$label' (other work running?)" >&2
}

gen_plan() {  # work tag calls
  "$PY" "$BENCH/gen_requests.py" plan --calls "$3" --tag "$2" --pool "$1/pool.txt" --out "$1/$2.plan.tsv"
}

summarise() {  # result.json -> one line on stderr
  "$PY" - "$1" <<'EOF' >&2
import json, sys
r = json.load(open(sys.argv[1]))
ok = r["statuses"].get("200", 0)
lat, sch = r["latency_ms"], r["scheduled_latency_ms"]
line = (f"  {r['mode']}: {r['requests']} responses in {r['seconds']:.1f}s, 200s {ok} ({ok / r['seconds']:.0f}/s), "
        f"statuses {r['statuses']}, p50 {lat['p50']:.2f} ms, p99 {lat['p99']:.2f} ms, errors {r['errors']}")
if sch["n"]:
    line += f"; from schedule p50 {sch['p50']:.2f} ms p99 {sch['p99']:.2f} ms"
print(line)
EOF
}

# wrk_calls MODE PREFIX BASE SECONDS THREADS CONNS RESULT: sign PREFIX.plan.tsv now, then wrk with calls.lua.
wrk_calls() {
  local mode=$1 prefix=$2 base=$3 seconds=$4 threads=$5 conns=$6 result=$7 done_dir=
  "$PY" "$BENCH/gen_requests.py" render --numbers "$(dirname "$prefix")/numbers.json" --plan "$prefix.plan.tsv" \
    --base "$base" --out "$prefix.req.tsv"
  [[ $mode == once ]] && done_dir=$(mktemp -d)
  BENCH_MODE=$mode BENCH_REQUESTS=$prefix.req.tsv BENCH_THREADS=$threads BENCH_CONNS=$conns BENCH_RESULT=$result \
    BENCH_DONE_DIR=$done_dir BENCH_RATE=${BENCH_RATE:-0} \
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$BENCH/calls.lua" "$base/" >"$result.txt"
  [[ -n $done_dir ]] && rm -rf "$done_dir"
  summarise "$result"
}

# wrk_plain URL SECONDS RESULT [THREADS CONNS]: GET one URL, statuses counted the same way.
wrk_plain() {
  local url=$1 seconds=$2 result=$3 threads=${4:-$THREADS} conns=${5:-$CONNS}
  BENCH_MODE=loop BENCH_THREADS=$threads BENCH_CONNS=$conns BENCH_RESULT=$result \
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$BENCH/calls.lua" "$url" >"$result.txt"
  summarise "$result"
}

# paced PREFIX BASE SECONDS RATE RESULT: sign PREFIX.plan.tsv now, then the open-loop client (bench/paced.py).
# WARMUP=S: the first S of those seconds are sent and counted but left out of the latencies.
paced() {
  local prefix=$1 base=$2 seconds=$3 rate=$4 result=$5
  "$PY" "$BENCH/gen_requests.py" render --numbers "$(dirname "$prefix")/numbers.json" --plan "$prefix.plan.tsv" \
    --base "$base" --out "$prefix.req.tsv"
  "$PY" "$BENCH/paced.py" --requests "$prefix.req.tsv" --rate "$rate" --seconds "$seconds" --url "$base" \
    --warmup "${WARMUP:-0}" --timeline "$result.timeline.tsv" --out "$result" >"$result.txt"
  summarise "$result"
}

# burst WORK TAG BASE THROUGHPUT_RESULT: BURST unique calls (+5% duplicate deliveries), each request sent once,
# in chunks sized to ~22 s at the measured throughput so every wrk run stays under 30 s and every generic
# signature is fresh when sent.
burst() {
  local work=$1 tag=$2 base=$3 measured=$4 chunk lines i=0 part
  gen_plan "$work" "$tag" "$BURST"
  chunk=$("$PY" -c "import json,sys; r=json.load(open(sys.argv[1])); \
print(max(5000, int(r['statuses'].get('200', 0) / r['seconds'] * 22)))" "$measured")
  lines=$(wc -l <"$work/$tag.plan.tsv")
  echo "  $lines requests in chunks of $chunk" >&2
  rm -f "$work/$tag".[0-9]*
  split -d -a 3 -l "$chunk" --additional-suffix=.plan.tsv "$work/$tag.plan.tsv" "$work/$tag."
  for part in "$work/$tag".[0-9][0-9][0-9].plan.tsv; do
    part=${part%.plan.tsv}
    wrk_calls once "$part" "$base" 30 "$THREADS" "$CONNS" "$part.result.json"
  done
}

# snapshot_database DB WORK / restore_database DB WORK: a copy of the bench database (PostgreSQL: a template
# database PG_BENCH_DB_snapshot; SQLite: the data dir) that each A/B run starts from.
_pg_admin() { "$PY" -c "import psycopg, sys; c = psycopg.connect(sys.argv[1], autocommit=True); c.execute(sys.argv[2])" \
  "$PG_ADMIN_URL" "$1"; }
snapshot_database() {
  if [[ $1 == postgres ]]; then
    _pg_admin "DROP DATABASE IF EXISTS ${PG_BENCH_DB}_snapshot WITH (FORCE)"
    _pg_admin "CREATE DATABASE ${PG_BENCH_DB}_snapshot TEMPLATE $PG_BENCH_DB STRATEGY FILE_COPY"
  else
    cp -a "$SAMPARK_DATA_DIR" "$2/snapshot"
  fi
}
restore_database() {
  if [[ $1 == postgres ]]; then
    _pg_admin "DROP DATABASE IF EXISTS $PG_BENCH_DB WITH (FORCE)"
    _pg_admin "CREATE DATABASE $PG_BENCH_DB TEMPLATE ${PG_BENCH_DB}_snapshot STRATEGY FILE_COPY"
  else
    rm -rf "$SAMPARK_DATA_DIR"
    cp -a "$2/snapshot" "$SAMPARK_DATA_DIR"
  fi
  sync
}
