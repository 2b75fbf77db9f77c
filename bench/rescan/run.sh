#!/usr/bin/env bash
# bench/rescan/run.sh — first scan vs rescans of the unchanged 5,000-page bench site.
#
# Serves ../shared/bench's synthetic corpus with its nginx script (ETag + Last-Modified, gzip), puts a
# byte-counting relay in front (count_proxy.py), and runs `exposcan scan` three times on one state
# file: the first scan, then two rescans with --since last. For each: wall time, bytes on the wire
# (both directions, headers included), pages, 304s, and the state file's size.
#
#   bench/rescan/run.sh [EXPOSCAN_BIN]
# Environment: WORK (default /tmp/exposcan-rescan-bench), CORPUS (default $WORK/corpus, generated
# when missing: ~30 s, 183 MB), PORT (nginx, 18091), PROXY_PORT (18092), CONCURRENCY (16).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared/bench}"
BIN="${1:-$ROOT/build/exposcan}"
WORK="${WORK:-/tmp/exposcan-rescan-bench}"
CORPUS="${CORPUS:-$WORK/corpus}"
PORT="${PORT:-18091}"
PROXY_PORT="${PROXY_PORT:-18092}"
CONCURRENCY="${CONCURRENCY:-16}"
export PORT CORPUS RUNDIR="$WORK/nginx" NGINX_CPU=""

[[ -x "$BIN" ]] || { echo "no exposcan binary at $BIN" >&2; exit 2; }
mkdir -p "$WORK"
if [[ ! -f "$CORPUS/site/index.html" ]]; then
  echo "generating the corpus in $CORPUS" >&2
  python3 "$SHARED/gen_corpus.py" --out "$CORPUS" >&2
fi
"$SHARED/serve.sh" start >/dev/null
trap '"$SHARED/serve.sh" stop >/dev/null 2>&1 || true' EXIT

STATE="$WORK/history.db"
rm -f "$STATE" "$STATE-wal" "$STATE-shm"
printf '%-8s %9s %14s %14s %7s %7s %12s\n' run wall_s wire_bytes body_bytes pages "304s" state_bytes
for run in first rescan1 rescan2; do
  counts="$WORK/$run.bytes.json"
  python3 "$HERE/count_proxy.py" "$PROXY_PORT" "$PORT" "$counts" > "$WORK/proxy.out" &
  proxy=$!
  for _ in $(seq 50); do grep -q ready "$WORK/proxy.out" 2>/dev/null && break; sleep 0.1; done
  since=(); [[ $run != first ]] && since=(--since last)
  start=$(date +%s.%N)
  rc=0
  "$BIN" scan "http://127.0.0.1:$PROXY_PORT/" --state "$STATE" "${since[@]}" --quiet --per-host-rate 0 \
    --concurrency "$CONCURRENCY" --max-pages 6000 --max-depth 10 --max-retries 0 \
    --format json -o "$WORK/$run.json" 2>"$WORK/$run.log" || rc=$?
  end=$(date +%s.%N)
  kill -TERM "$proxy"; wait "$proxy" || true
  [[ $rc -eq 0 ]] || { echo "$run: exposcan exited $rc (see $WORK/$run.log)" >&2; exit 1; }
  python3 - "$run" "$start" "$end" "$counts" "$WORK/$run.json" "$STATE" <<'PY'
import json, os, sqlite3, sys
run, start, end, counts, report, state = sys.argv[1:]
c = json.load(open(counts))
r = json.load(open(report))
size = sum(os.path.getsize(state + s) for s in ("", "-wal") if os.path.exists(state + s))
db = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
not_modified = db.execute("SELECT count(*) FROM pages WHERE scan_id = ? AND origin = 'not_modified'",
                          (int(r["scan"]["id"]),)).fetchone()[0]
db.close()
print(f'{run:<8} {float(end) - float(start):9.2f} {c["to_server"] + c["to_client"]:14,} '
      f'{r["scan"]["bytes_fetched"]:14,} {r["scan"]["pages_fetched"]:7} {not_modified:7} {size:12,}')
PY
done
