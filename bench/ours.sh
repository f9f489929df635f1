# News Day FR targets for the peer harness: sourced by ../shared/peers/run.sh
#   EXTRA_TARGETS=$PWD/bench/ours.sh bash ../shared/peers/run.sh
# (`make bench` does that and then rewrites the table in docs/benchmarks.md).
#
# It uses run.sh's start_server / measure / stop_server / log and $OUT, so our
# rows land in the same table as nginx, the Django floor and the Wagtail peer,
# measured the same way (gunicorn, 2 sync workers, wrk -t1 -c16 -d10s).
# Everything binds to 127.0.0.1; every server is stopped by its PID.
#
# Knobs (environment):
#   NEWSDAY_DB_KIND   postgres (default) or sqlite
#   NEWSDAY_PG        postgres://postgres@127.0.0.1:5432 (databases newsday_bench_<N>)
#   NEWSDAY_REDIS     redis://127.0.0.1:6379/5 (the page cache's shared level)
#   NEWSDAY_N         articles for the main run (N_MAIN, 1000)
#   NEWSDAY_N_SCALE   articles for the scale run (100000; 0 skips it)
#   NEWSDAY_SCALE_ROUNDS    turns of the scale comparison (3)
#   NEWSDAY_SCALE_DURATION  wrk duration of each turn (5s)
#   NEWSDAY_DATA      /var/tmp/bench-newsday (SQLite files, static files, nginx)
#   NEWSDAY_BASELINE  a git revision: its uncached pages are measured in turns
#                     with this tree's (same database, both servers up), for
#                     the « within 10 % of before » check of a change

NEWSDAY_DIR=${NEWSDAY_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
NEWSDAY_DATA=${NEWSDAY_DATA:-/var/tmp/bench-newsday}
NEWSDAY_DB_KIND=${NEWSDAY_DB_KIND:-postgres}
NEWSDAY_PG=${NEWSDAY_PG:-postgres://postgres@127.0.0.1:5432}
NEWSDAY_REDIS=${NEWSDAY_REDIS:-redis://127.0.0.1:6379/5}
NEWSDAY_N=${NEWSDAY_N:-${N_MAIN:-1000}}
NEWSDAY_N_SCALE=${NEWSDAY_N_SCALE:-100000}
NPY=$NEWSDAY_DIR/.venv/bin/python
P_OURS=18085; P_EDGE=18086; P_PURGE=18087; P_SCALE=18088; P_BASE=18089
NEWSDAY_SCALE_ROUNDS=${NEWSDAY_SCALE_ROUNDS:-3}
NEWSDAY_SCALE_DURATION=${NEWSDAY_SCALE_DURATION:-5s}
NEWSDAY_PURGE_TOKEN=bench-$RANDOM$RANDOM
mkdir -p "$NEWSDAY_DATA"

newsday_db_url() {  # newsday_db_url N
    if [ "$NEWSDAY_DB_KIND" = postgres ]; then
        echo "$NEWSDAY_PG/newsday_bench_$1"
    else
        echo "sqlite:///$NEWSDAY_DATA/newsday_$1.sqlite3"
    fi
}
newsday_env() {  # newsday_env DATABASE_URL CMD...: production settings, loopback
    # Always called in a subshell or a background job: exec makes the server
    # itself the process whose PID start_server records and stops.
    local url=$1; shift
    exec env DEBUG=false SECRET_KEY=bench-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
        ALLOWED_HOSTS=127.0.0.1,localhost,testserver SECURE_SSL_REDIRECT=false \
        STATIC_ROOT="${NEWSDAY_STATIC_ROOT:-$NEWSDAY_DATA/static}" CONN_MAX_AGE=600 LOG_LEVEL=ERROR \
        DATABASE_URL="$url" CACHE_URL="$NEWSDAY_REDIS" CACHE_KEY_PREFIX="bench" \
        GUNICORN_ACCESS_LOG=off GUNICORN_MAX_REQUESTS=0 "$@"
}
newsday_prepare() {  # newsday_prepare N: database migrated and seeded
    local n=$1 url; url=$(newsday_db_url "$1")
    if [ "$NEWSDAY_DB_KIND" = postgres ]; then
        createdb -h 127.0.0.1 -U postgres "newsday_bench_$n" 2>/dev/null || true
    fi
    (cd "$NEWSDAY_DIR" && newsday_env "$url" "$NPY" manage.py migrate -v0)
    local t0=$SECONDS
    (cd "$NEWSDAY_DIR" && newsday_env "$url" "$NPY" -m bench.seed "$n" | tail -1 >&2)
    log "newsday: seed step for $n articles took $((SECONDS - t0))s"
}
newsday_pagestats() {  # newsday_pagestats LABEL N [--cached]
    local label=$1 url; url=$(newsday_db_url "$2"); shift 2
    (cd "$NEWSDAY_DIR" && newsday_env "$url" "$NPY" -m bench.pagestats "$@" \
        --json "$OUT/newsday_pagestats_$label.json" --urls "$OUT/newsday_urls_$label.txt" >/dev/null)
    "$NPY" - "$OUT/newsday_pagestats_$label.json" "$label" <<'PY' | tee -a "$OUT/pagestats.txt"
import json, sys
d = json.load(open(sys.argv[1]))
print(f"pagestats newsday {sys.argv[2]} ({d['articles']} articles, {d['database']}, page_cache={d['page_cache']}):")
for name, p in d["pages"].items():
    print(f"  {name:8s} status={p['status']} html={p['html_bytes']}B queries cold/warm={p['queries_cold']}/{p['queries_warm']}"
          f" in-process p50={p['inproc_ms_p50']}ms p90={p['inproc_ms_p90']}ms  {p['url']}")
PY
}
newsday_start() {  # newsday_start NAME N PAGE_CACHE(true|false) [PORT]
    local url port=${4:-$P_OURS}; url=$(newsday_db_url "$2")
    start_server "$1" "$port" newsday_env "$url" PAGE_CACHE="$3" \
        "$NEWSDAY_DIR/.venv/bin/gunicorn" -c "$NEWSDAY_DIR/gunicorn.conf.py" \
        --chdir "$NEWSDAY_DIR" --bind 127.0.0.1:"$port" --workers 2 newsday.wsgi:application
}
newsday_measure_pages() {  # newsday_measure_pages LABEL SUFFIX PORT
    local label=$1 suffix=$2 port=$3 name path status
    while read -r name path status; do
        if [ "$status" != 200 ]; then
            log "newsday: skipping $name ($path answers $status on this branch)"
            continue
        fi
        measure "newsday-$name$suffix" "http://127.0.0.1:$port$path"
    done <"$OUT/newsday_urls_$label.txt"
}
newsday_scale_pairs() {  # each page at N and at N_SCALE articles, in turns
    # Both servers are up and measured one after the other, round after
    # round: measured minutes apart, the machine's own drift (15 % and more)
    # was larger than the 10 % being checked. report.py takes the median of
    # each page's ratios; the last turn at N_SCALE goes in the main table.
    local name path big status r small_out big_out
    while read -r name path status; do
        big=$(awk -v n="$name" '$1==n {print $2}' "$OUT/newsday_urls_scale.txt")
        if [ "$status" != 200 ] || [ -z "$big" ]; then
            log "newsday: skipping $name at scale ($path answers $status)"
            continue
        fi
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$P_OURS$path" >/dev/null 2>&1 || true
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$P_SCALE$big" >/dev/null 2>&1 || true
        for r in $(seq 1 "$NEWSDAY_SCALE_ROUNDS"); do
            small_out=$OUT/wrk/newsday-$name@$NEWSDAY_N-turn$r.txt
            big_out=$OUT/wrk/newsday-$name@$NEWSDAY_N_SCALE-turn$r.txt
            wrk -t"$THREADS" -c"$CONNS" -d"$NEWSDAY_SCALE_DURATION" --latency \
                "http://127.0.0.1:$P_OURS$path" >"$small_out" 2>&1 || true
            wrk -t"$THREADS" -c"$CONNS" -d"$NEWSDAY_SCALE_DURATION" --latency \
                "http://127.0.0.1:$P_SCALE$big" >"$big_out" 2>&1 || true
            printf '%s\t%s\t%s\t%s\n' "$name" "$r" "$small_out" "$big_out" >>"$OUT/newsday_scale_pairs.tsv"
            log "newsday: $name turn $r: $(awk '/Requests\/sec/ {print $2}' "$small_out") then $(awk '/Requests\/sec/ {print $2}' "$big_out") req/s"
        done
        printf '%s\t%s\t%s\n' "newsday-$name@$NEWSDAY_N_SCALE" "http://127.0.0.1:$P_SCALE$big" "$big_out" >>"$RESULTS"
    done <"$OUT/newsday_urls_main.txt"
}
newsday_baseline_pairs() {  # each page on NEWSDAY_BASELINE's server and ours, in turns
    local name path status r base_out ours_out
    while read -r name path status; do
        [ "$status" = 200 ] || continue
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$P_BASE$path" >/dev/null 2>&1 || true
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$P_OURS$path" >/dev/null 2>&1 || true
        for r in $(seq 1 "$NEWSDAY_SCALE_ROUNDS"); do
            base_out=$OUT/wrk/newsday-$name-baseline-turn$r.txt
            ours_out=$OUT/wrk/newsday-$name-vs-baseline-turn$r.txt
            wrk -t"$THREADS" -c"$CONNS" -d"$NEWSDAY_SCALE_DURATION" --latency \
                "http://127.0.0.1:$P_BASE$path" >"$base_out" 2>&1 || true
            wrk -t"$THREADS" -c"$CONNS" -d"$NEWSDAY_SCALE_DURATION" --latency \
                "http://127.0.0.1:$P_OURS$path" >"$ours_out" 2>&1 || true
            printf '%s\t%s\t%s\t%s\n' "$name" "$r" "$base_out" "$ours_out" >>"$OUT/newsday_baseline_pairs.tsv"
            log "newsday: $name turn $r: baseline $(awk '/Requests\/sec/ {print $2}' "$base_out"), this tree $(awk '/Requests\/sec/ {print $2}' "$ours_out") req/s"
        done
    done <"$OUT/newsday_urls_main.txt"
}
newsday_nginx() {  # micro-cache from deploy/nginx in front of the cached app
    local dir=$NEWSDAY_DATA/nginx
    rm -rf "$dir"; mkdir -p "$dir/cache"
    cat >"$dir/nginx.conf" <<NGINX
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    gzip off;
    proxy_cache_path $dir/cache levels=1:2 keys_zone=newsday:10m max_size=256m inactive=1h use_temp_path=off;
    upstream newsday_app { server 127.0.0.1:$P_OURS; keepalive 16; }
    include $NEWSDAY_DIR/deploy/nginx/snippets/newsday-maps.conf;
    server {
        listen 127.0.0.1:$P_EDGE;
        set \$newsday_scheme http;
        location / { include $NEWSDAY_DIR/deploy/nginx/snippets/newsday-proxy.conf; }
    }
    server {
        listen 127.0.0.1:$P_PURGE;
        set \$newsday_scheme http;
        set \$newsday_purge_token "$NEWSDAY_PURGE_TOKEN";
        location / {
            if (\$http_x_newsday_purge != \$newsday_purge_token) { return 403; }
            include $NEWSDAY_DIR/deploy/nginx/snippets/newsday-proxy.conf;
            proxy_cache_bypass 1;
        }
    }
}
NGINX
    start_server newsday-edge $P_EDGE nginx -e "$dir/error.log" -c "$dir/nginx.conf" -g 'daemon off;'
}

# Other work on the machine skews every figure: record the load.
echo "loadavg_before_newsday=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/versions.txt"
log "newsday: preparing $NEWSDAY_N articles ($NEWSDAY_DB_KIND)"
newsday_prepare "$NEWSDAY_N"
(cd "$NEWSDAY_DIR" && newsday_env "$(newsday_db_url "$NEWSDAY_N")" "$NPY" manage.py collectstatic --noinput -v0)
newsday_pagestats main "$NEWSDAY_N"
newsday_pagestats main_cached "$NEWSDAY_N" --cached

# Uncached: every request renders (page cache off).
newsday_start newsday "$NEWSDAY_N" false
newsday_measure_pages main "" $P_OURS
stop_server newsday

# Baseline: an earlier revision's uncached pages, in turns with this tree's.
if [ -n "${NEWSDAY_BASELINE:-}" ]; then
    BASE_DIR=/var/tmp/newsday-baseline-$(git -C "$NEWSDAY_DIR" rev-parse --short "$NEWSDAY_BASELINE")
    [ -d "$BASE_DIR" ] || git -C "$NEWSDAY_DIR" worktree add --detach "$BASE_DIR" "$NEWSDAY_BASELINE" >/dev/null
    (cd "$BASE_DIR" && UV_PYTHON_DOWNLOADS=never "${UV:-$(command -v uv || echo "$NEWSDAY_DIR/.uv/bin/uv")}" sync --locked --quiet)
    # Its own static files: its manifest must not replace this tree's.
    export NEWSDAY_STATIC_ROOT="$NEWSDAY_DATA/static-baseline"
    (cd "$BASE_DIR" && newsday_env "$(newsday_db_url "$NEWSDAY_N")" "$BASE_DIR/.venv/bin/python" manage.py collectstatic --noinput -v0)
    echo "newsday_baseline=$(git -C "$BASE_DIR" rev-parse --short HEAD)" >>"$OUT/versions.txt"
    start_server newsday-baseline "$P_BASE" newsday_env "$(newsday_db_url "$NEWSDAY_N")" PAGE_CACHE=false \
        "$BASE_DIR/.venv/bin/gunicorn" -c "$BASE_DIR/gunicorn.conf.py" \
        --chdir "$BASE_DIR" --bind 127.0.0.1:"$P_BASE" --workers 2 newsday.wsgi:application
    unset NEWSDAY_STATIC_ROOT
    newsday_start newsday "$NEWSDAY_N" false
    newsday_baseline_pairs
    stop_server newsday
    stop_server newsday-baseline
fi

# Django's cache: the page cache on (Redis plus each worker's local copy).
redis-cli -u "$NEWSDAY_REDIS" flushdb >/dev/null 2>&1 || true
newsday_start newsday-cached "$NEWSDAY_N" true
newsday_measure_pages main "-cached" $P_OURS

# Edge: nginx micro-cache (deploy/nginx) in front of the same app.
if newsday_nginx; then
    ART=$(awk '$1=="article" {print $2}' "$OUT/newsday_urls_main.txt")
    curl -s -o /dev/null "http://127.0.0.1:$P_EDGE$ART"
    EDGE=$(curl -s -o /dev/null -D - "http://127.0.0.1:$P_EDGE$ART" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-edge-cache" {print $2}')
    PURGE=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: 127.0.0.1:$P_EDGE" -H "X-Newsday-Purge: $NEWSDAY_PURGE_TOKEN" "http://127.0.0.1:$P_PURGE$ART")
    DENIED=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P_PURGE$ART")
    log "newsday: edge check: second request $EDGE; purge $PURGE; purge without token $DENIED"
    echo "edge_check second_request=$EDGE purge=$PURGE purge_without_token=$DENIED" >"$OUT/newsday_edge_check.txt"
    newsday_measure_pages main "-edge" $P_EDGE
    stop_server newsday-edge
fi
stop_server newsday-cached

# Scale: the same pages uncached on NEWSDAY_N_SCALE articles, in turns with
# NEWSDAY_N's.
if [ "${NEWSDAY_SCALE:-1}" = 1 ] && [ "$NEWSDAY_N_SCALE" -gt 0 ]; then
    log "newsday: preparing $NEWSDAY_N_SCALE articles ($NEWSDAY_DB_KIND)"
    newsday_prepare "$NEWSDAY_N_SCALE"
    newsday_pagestats scale "$NEWSDAY_N_SCALE"
    newsday_start newsday "$NEWSDAY_N" false
    newsday_start newsday-scale "$NEWSDAY_N_SCALE" false $P_SCALE
    newsday_scale_pairs
    stop_server newsday-scale
    stop_server newsday
fi
{
    echo "loadavg_after_newsday=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "newsday_commit=$(git -C "$NEWSDAY_DIR" rev-parse --short HEAD)"
    echo "newsday_db=$NEWSDAY_DB_KIND $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version' 2>/dev/null || true)"
    echo "redis=$(redis-cli -u "$NEWSDAY_REDIS" info server 2>/dev/null | tr -d '\r' | awk -F: '$1=="redis_version" {print $2}')"
    "$NPY" -c 'import django, gunicorn, importlib.metadata as m; print(f"newsday: django={django.__version__} gunicorn={gunicorn.__version__} whitenoise={m.version("whitenoise")} redis-py={m.version("redis")}")'
} >>"$OUT/versions.txt"
