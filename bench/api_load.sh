#!/usr/bin/env bash
# The content API under load, through gunicorn on PostgreSQL, beside the
# article page (docs/api.md, « Speed »):
#   (a) the uncached article page and the API article (JSON, ninjs) on
#       newsday_bench_$N, in turns;
#   (b) the API list, first page and a cursor page 90 % deep in the
#       archive, on newsday_bench_$N and newsday_bench_$N_SCALE, in turns.
#
#   bash bench/api_load.sh                 # ROUNDS=3 DURATION=5s CONNS=16
#   ROUNDS=1 DURATION=1s bash bench/api_load.sh    # smoke test
#
# Production settings as bench/ours.sh sets them, the page cache off, the
# cache in Redis DB 5, the rate limit lifted (still counted). Two sync
# workers per server, wrk -t1 -c16 as bench/load.sh. Both servers of a
# comparison are up and measured one after the other, turn after turn: the
# machine's drift between minutes is larger than what is compared. Loopback
# only; every wrk run is bounded by -d; servers stopped by their PID.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PY=$ROOT/.venv/bin/python
N=${N:-1000}; N_SCALE=${N_SCALE:-100000}
PG=${NEWSDAY_PG:-postgres://postgres@127.0.0.1:5432}
REDIS=${NEWSDAY_REDIS:-redis://127.0.0.1:6379/5}
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-5s}; WARMUP=${WARMUP:-2s}
CONNS=${CONNS:-16}; THREADS=${THREADS:-1}
P_SMALL=18090; P_BIG=18091
DATA=${DATA:-/var/tmp/bench-api}
OUT=${OUT:-$DATA/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT/wrk" "$OUT/logs"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

run_env() {  # run_env DATABASE_URL CMD...: production settings, loopback
    # Called in a subshell: exec makes the server itself the process whose
    # PID is kept and stopped.
    local url=$1; shift
    exec env DEBUG=false SECRET_KEY=bench-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
        ALLOWED_HOSTS=127.0.0.1,localhost,testserver SECURE_SSL_REDIRECT=false \
        STATIC_ROOT="$DATA/static" CONN_MAX_AGE=600 LOG_LEVEL=ERROR PAGE_CACHE=false \
        DATABASE_URL="$url" CACHE_URL="$REDIS" CACHE_KEY_PREFIX=bench-api \
        API_ANONYMOUS_RATE_LIMIT=1000000000 \
        GUNICORN_ACCESS_LOG=off GUNICORN_MAX_REQUESTS=0 "$@"
}

declare -A PIDS=()
start() {  # start NAME PORT N
    local name=$1 port=$2 i
    (cd "$ROOT" && run_env "$PG/newsday_bench_$3" "$ROOT/.venv/bin/gunicorn" \
        -c "$ROOT/gunicorn.conf.py" --chdir "$ROOT" --bind "127.0.0.1:$port" \
        --workers 2 newsday.wsgi:application) >"$OUT/logs/$name.log" 2>&1 &
    PIDS[$name]=$!
    for i in $(seq 1 150); do
        curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/rubriques" && { log "started $name"; return 0; }
        kill -0 "${PIDS[$name]}" 2>/dev/null || { tail -20 "$OUT/logs/$name.log" >&2; return 1; }
        sleep 0.2
    done
    return 1
}
stop_all() {
    local name pid i
    for name in "${!PIDS[@]}"; do
        pid=${PIDS[$name]}
        kill -TERM "$pid" 2>/dev/null || true
        for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        unset "PIDS[$name]"
    done
}
trap stop_all EXIT INT TERM

urls() {  # urls N: name and path of each measured address, one a line
    (cd "$ROOT" && run_env "$PG/newsday_bench_$1" "$PY" -m bench.api --urls)
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
pair() {  # pair LABEL_A URL_A LABEL_B URL_B: ROUNDS turns, A then B
    local r a b
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$2" >/dev/null 2>&1 || true
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$4" >/dev/null 2>&1 || true
    for r in $(seq 1 "$ROUNDS"); do
        a=$OUT/wrk/$1-turn$r.txt; b=$OUT/wrk/$3-turn$r.txt
        wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$2" >"$a" 2>&1 || true
        wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$4" >"$b" 2>&1 || true
        printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$3" "$r" "$(rps "$a")" "$(rps "$b")" | tee -a "$OUT/pairs.tsv"
    done
}

{
    echo "date_utc=$(date -u +%FT%TZ) commit=$(git -C "$ROOT" rev-parse --short HEAD)"
    echo "loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg) cpus=$(nproc)"
    echo "wrk=-t$THREADS -c$CONNS -d$DURATION (warm-up $WARMUP), $ROUNDS turns"
} | tee "$OUT/versions.txt"
for n in "$N" "$N_SCALE"; do
    (cd "$ROOT" && run_env "$PG/newsday_bench_$n" "$PY" manage.py migrate -v0)
done
(cd "$ROOT" && run_env "$PG/newsday_bench_$N" "$PY" manage.py collectstatic --noinput -v0)
urls "$N" >"$OUT/urls-small.txt"
urls "$N_SCALE" >"$OUT/urls-big.txt"
at() { awk -v n="$2" '$1==n {print $2}' "$1"; }
S=http://127.0.0.1:$P_SMALL; B=http://127.0.0.1:$P_BIG
redis-cli -u "$REDIS" flushdb >/dev/null 2>&1 || true

# (a) API article against the article page, same server, same database.
start small "$P_SMALL" "$N"
pair page "$S$(at "$OUT/urls-small.txt" page)" api-article "$S$(at "$OUT/urls-small.txt" article)"
pair page "$S$(at "$OUT/urls-small.txt" page)" api-ninjs "$S$(at "$OUT/urls-small.txt" ninjs)"

# (b) The list at N and N_SCALE articles, each server measured in turn.
start big "$P_BIG" "$N_SCALE"
for name in list deep; do
    pair "$name@$N" "$S$(at "$OUT/urls-small.txt" "$name")" \
        "$name@$N_SCALE" "$B$(at "$OUT/urls-big.txt" "$name")"
done
stop_all
echo "loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/versions.txt"
"$PY" "$HERE/api.py" --report "$OUT/pairs.tsv" | tee "$OUT/report.md"
log "raw outputs in $OUT"
