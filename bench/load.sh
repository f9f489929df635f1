#!/usr/bin/env bash
# Load-test our pages alone (without the peers): the same servers and wrk
# settings as ../shared/peers/run.sh, which `make bench` uses to measure us
# side by side with nginx, the Django floor and Wagtail.
#   bash bench/load.sh                       # DURATION=10s WARMUP=3s CONNS=16
#   DURATION=2s WARMUP=1s NEWSDAY_N_SCALE=0 bash bench/load.sh   # smoke test
# Loopback only; every wrk run is bounded by -d; servers stopped by PID.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-/var/tmp/bench-newsday/results/$(date -u +%Y%m%dT%H%M%SZ)}
DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-3s}; CONNS=${CONNS:-16}; THREADS=${THREADS:-1}
mkdir -p "$OUT/wrk" "$OUT/logs"
RESULTS=$OUT/results.tsv; : >"$RESULTS"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

declare -A SERVER_PID=()
start_server() {  # start_server NAME PORT CMD...
    local name=$1 port=$2 i; shift 2
    "$@" >"$OUT/logs/$name.log" 2>&1 &
    SERVER_PID[$name]=$!
    for i in $(seq 1 150); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && { log "started $name"; return 0; }
        kill -0 "${SERVER_PID[$name]}" 2>/dev/null || { log "$name died"; tail -20 "$OUT/logs/$name.log" >&2; unset "SERVER_PID[$name]"; return 1; }
        sleep 0.2
    done
    return 1
}
stop_server() {
    local name=$1 pid=${SERVER_PID[$1]:-} i
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    unset "SERVER_PID[$name]"
    log "stopped $name"
}
cleanup() { local n; for n in "${!SERVER_PID[@]}"; do stop_server "$n"; done; }
trap cleanup EXIT INT TERM
measure() {  # measure TARGET URL
    local target=$1 url=$2
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$url" >/dev/null 2>&1 || true
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$url" >"$OUT/wrk/$target.txt" 2>&1 || true
    printf '%s\t%s\t%s\n' "$target" "$url" "$OUT/wrk/$target.txt" >>"$RESULTS"
    log "$target: $(grep -E 'Requests/sec' "$OUT/wrk/$target.txt" | awk '{print $2}') req/s"
}
{
    echo "date_utc=$(date -u +%FT%TZ)"
    echo "kernel=$(uname -r) cpus=$(nproc)"
    echo "wrk_args=-t$THREADS -c$CONNS -d$DURATION (warm-up $WARMUP)"
} >"$OUT/versions.txt"

# shellcheck source=bench/ours.sh
source "$HERE/ours.sh"
"$NPY" "$HERE/report.py" "$OUT"
log "raw outputs in $OUT"
