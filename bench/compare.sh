#!/usr/bin/env bash
# Every reader page of this tree and of an older revision, measured in turns
# on the same database: in-process (Django's test client via bench/pagestats.py),
# page cache off, production settings. The figures of docs/design/.
#
#   bash bench/compare.sh REV [N] [ROUNDS]
#   bash bench/compare.sh e962e74 100000 3
#
# REV is checked out with `git worktree` in /var/tmp (its own environment from
# its uv.lock). The database is newsday_bench_N on the local PostgreSQL
# (`make bench-seed N=…` seeds it) unless DATABASE_URL is set; the shared cache
# is Redis DB 5 unless CACHE_URL is set. Loopback only; bounded runs.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REV=${1:?usage: bench/compare.sh REV [N] [ROUNDS]}
N=${2:-1000}
ROUNDS=${3:-3}
REPS=${REPS:-60}
UV=${UV:-$(command -v uv || echo "$HERE/.uv/bin/uv")}
OLD=/var/tmp/newsday-compare-$(git -C "$HERE" rev-parse --short "$REV")
OUT=$(mktemp -d /var/tmp/newsday-compare-out.XXXXXX)
DB=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/newsday_bench_$N}
[ -d "$OLD" ] || git -C "$HERE" worktree add --detach "$OLD" "$REV" >/dev/null
(cd "$OLD" && UV_PYTHON_DOWNLOADS=never "$UV" sync --locked --quiet)
(cd "$HERE" && UV_PYTHON_DOWNLOADS=never "$UV" sync --locked --quiet)

run() {  # run TREE_DIR LABEL ROUND
    (cd "$1" && env DEBUG=false SECRET_KEY=bench-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
        ALLOWED_HOSTS=127.0.0.1,localhost,testserver SECURE_SSL_REDIRECT=false CONN_MAX_AGE=600 \
        LOG_LEVEL=ERROR DATABASE_URL="$DB" CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/5}" \
        CACHE_KEY_PREFIX="compare-$2" STATIC_ROOT="$OUT/static-$2" PAGE_CACHE=false \
        sh -c '.venv/bin/python manage.py collectstatic --noinput -v0 &&
               exec .venv/bin/python -m bench.pagestats --reps "$0" --json "$1"' \
        "$REPS" "$OUT/$2-$3.json" >/dev/null)
}
for round in $(seq 1 "$ROUNDS"); do
    run "$OLD" before "$round"
    run "$HERE" after "$round"
done
"$HERE/.venv/bin/python" - "$OUT" "$ROUNDS" "$REV" <<'PY'
import json, statistics, sys
out, rounds, rev = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages, meta = {}, None
for label in ("before", "after"):
    for r in range(1, rounds + 1):
        data = json.load(open(f"{out}/{label}-{r}.json"))
        meta = data
        for name, page in data["pages"].items():
            pages.setdefault(name, {}).setdefault(label, []).append(page)
print(f"{meta['articles']} articles, {meta['database']}; median of {rounds} turns of the in-process p50")
print(f"| page | {rev} ms | this tree ms | ratio | queries {rev} / this tree |")
print("|---|---:|---:|---:|---:|")
for name, runs in pages.items():
    before = statistics.median(p["inproc_ms_p50"] for p in runs["before"])
    after = statistics.median(p["inproc_ms_p50"] for p in runs["after"])
    queries = f"{runs['before'][0]['queries_warm']} / {runs['after'][0]['queries_warm']}"
    print(f"| {name} | {before:.2f} | {after:.2f} | {after / before:.2f} | {queries} |")
PY
