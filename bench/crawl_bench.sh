#!/usr/bin/env bash
# bench/crawl_bench.sh — issue 3's crawl benchmark: exposcan (--fetch-only, and the full pipeline
# fetch + parse + rules) side by side with wget2 and Scrapy on the generated profile site served by
# nginx on 127.0.0.1, through ../shared/bench/peers.sh (same pinning: the client on CPU 0, nginx on
# the last CPU; same concurrency, gzip requested, robots.txt obeyed, no politeness delay).
#
#   bench/setup.sh                    once, as root: nginx wget2 python3-scrapy ripgrep hyperfine
#   bench/crawl_bench.sh crawl        wget2 / exposcan --fetch-only / exposcan full (with a history, and
#                                     --no-history) / Scrapy, rounds interleaved (peer order within a
#                                     round), medians
#   bench/crawl_bench.sh rss          exposcan --fetch-only, full and --no-history at N and N_BIG pages:
#                                     peak RSS
#   bench/crawl_bench.sh h2           exposcan --fetch-only over HTTPS: HTTP/1.1 vs HTTP/2
#   bench/crawl_bench.sh all          the three
#
# Environment (defaults): EXPOSCAN_BIN=<repo>/build/exposcan  SHARED=<repo>/../shared/bench
#   WORK=/tmp/exposcan-bench (corpora, nginx run dirs; put OUTROOT on tmpfs, see the README)
#   OUTROOT=/tmp/pii-bench-out  PORT=18080  TLS_PORT=18443  CONC=8  N=5000  N_BIG=20000
#   RUNS=5  WARMUP=1  FULL_RUNS=3  SCRAPY_RUNS=1  RSS_RUNS=1  GZIP_STATIC=0  CLIENT_CPUS=0
# Raw rows go to $WORK/results/<mode>-<UTC stamp>.tsv; the tables are printed as Markdown.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
EXPOSCAN_BIN="${EXPOSCAN_BIN:-$REPO/build/exposcan}"
SHARED="${SHARED:-$(cd "$REPO/../shared/bench" && pwd)}"
WORK="${WORK:-/tmp/exposcan-bench}"
export OUTROOT="${OUTROOT:-/tmp/pii-bench-out}"
export PORT="${PORT:-18080}" CONC="${CONC:-8}" CLIENT_CPUS="${CLIENT_CPUS-0}"
TLS_PORT="${TLS_PORT:-18443}"
N="${N:-5000}"
N_BIG="${N_BIG:-20000}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
FULL_RUNS="${FULL_RUNS:-3}"
SCRAPY_RUNS="${SCRAPY_RUNS:-1}"
RSS_RUNS="${RSS_RUNS:-1}"
export GZIP_STATIC="${GZIP_STATIC:-0}"
PY=/usr/bin/python3
RESULTS="$WORK/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

# The exposcan command lines (peers.sh substitutes {URL} {CONC} {OUT}).
COMMON='--concurrency {CONC} --per-host-connections {CONC} --per-host-rate 0 --max-pages 1000000 --max-depth 100 --max-bytes 100000000000 --quiet --timings --fetched-list {OUT}/fetched.txt --format json -o {OUT}/report.json'
FETCH_ARGS="scan {URL} --fetch-only $COMMON"
FULL_ARGS="scan {URL} $COMMON --state {OUT}/history.db"  # a fresh history per run, not ~/.local/share
NOHIST_ARGS="scan {URL} $COMMON --no-history"             # the same without a history (fetch, parse, rules, report)

corpus() {  # corpus N -> path (generated once)
  local dir="$WORK/corpus-$1"
  if [[ ! -f "$dir/manifest.json" ]]; then
    echo "generating the $1-page corpus in $dir" >&2
    "$PY" "$SHARED/gen_corpus.py" --n "$1" --out "$dir" >/dev/null
  fi
  echo "$dir"
}

NGINX_RUNDIR="$WORK/nginx"
start_nginx() {  # start_nginx CORPUS
  stop_nginx
  CORPUS="$1" RUNDIR="$NGINX_RUNDIR" "$SHARED/serve.sh" start >/dev/null
}
stop_nginx() { RUNDIR="$NGINX_RUNDIR" "$SHARED/serve.sh" stop >/dev/null 2>&1 || true; }
trap 'stop_nginx; "$HERE/serve_tls.sh" stop >/dev/null 2>&1 || true' EXIT

# run_peer LABEL CORPUS TSV: one timed crawl, one TSV row (and the stage split for exposcan).
run_peer() {
  local label="$1" corp="$2" tsv="$3" round="$4" out="$OUTROOT/bench-$1" peer args=""
  case "$label" in
    exposcan-fetch*) peer=scanner; args="$FETCH_ARGS" ;;
    exposcan-full*) peer=scanner; args="$FULL_ARGS" ;;
    exposcan-nohist*) peer=scanner; args="$NOHIST_ARGS" ;;
    *) peer="$label" ;;
  esac
  rm -rf "$out"; mkdir -p "$out"; sync; sleep 1
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)  # 1-minute load average when the run starts (2 CPUs)
  SCANNER_BIN="$EXPOSCAN_BIN" SCANNER_ARGS="$args" CORPUS="$corp" \
    /usr/bin/time -f '%e\t%U\t%S\t%M' -o "$out.time" "$SHARED/peers.sh" run "$peer" "$out" >"$out.log" 2>&1 ||
    echo "$label: exit status $? (log: $out.log)" >&2
  local layout=files
  [[ "$peer" == scanner || "$peer" == scrapy ]] && layout=urls
  local got
  got=$("$PY" "$SHARED/check_pages.py" "$corp" "$out" --layout "$layout" --port "$PORT" || true)
  local stages
  stages=$(grep -o 'exposcan: timings {.*}' "$out.log" | sed 's/^exposcan: timings //' || true)
  [[ -n "$stages" ]] || stages='{}'
  local counts
  counts=$("$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["fetched"], d["missing"], sep="\t")' "$got")
  echo -e "$label\t$round\t$(tail -1 "$out.time")\t$counts\t$stages\t$load" >>"$tsv"
  echo "$label round $round (load $load): $(tail -1 "$out.time" | tr '\t' ' ')  $got" >&2
}

summarize() {  # summarize TSV N
  "$PY" - "$1" "$2" <<'EOF'
import csv, json, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
n = int(sys.argv[2])
rows = [r for r in rows if int(r["round"]) >= 1]
med = statistics.median
print("| peer | runs | wall s | pages/s | CPU s | CPU s / 1000 pages | peak RSS MiB | pages | load (1 min) |")
print("|---|---|---|---|---|---|---|---|---|")
rate = {}
for peer in dict.fromkeys(r["peer"] for r in rows):
    rs = [r for r in rows if r["peer"] == peer]
    wall = med(float(r["wall_s"]) for r in rs)
    cpu = med(float(r["user_s"]) + float(r["sys_s"]) for r in rs)
    rss = med(int(r["maxrss_kb"]) for r in rs) / 1024
    got = min(int(r["pages"]) for r in rs)
    rate[peer] = got / wall
    loads = ", ".join(r.get("load1") or "?" for r in rs)
    print("| %s | %d | %.2f | %.0f | %.2f | %.3f | %.1f | %d/%d | %s |" % (peer, len(rs), wall, got / wall, cpu,
          cpu / got * 1000 if got else float("nan"), rss, got, n, loads))
if "wget2" in rate and "exposcan-fetch" in rate:
    print("\nexposcan --fetch-only / wget2 pages/s: %.2fx" % (rate["exposcan-fetch"] / rate["wget2"]))
if "scrapy" in rate and "exposcan-full" in rate:
    print("exposcan full pipeline / Scrapy pages/s: %.1fx" % (rate["exposcan-full"] / rate["scrapy"]))
if "scrapy" in rate and "exposcan-nohist" in rate:
    print("exposcan full pipeline without a history (--no-history) / Scrapy pages/s: %.1fx"
          % (rate["exposcan-nohist"] / rate["scrapy"]))
for label in ("exposcan-full", "exposcan-nohist"):
    full = [json.loads(r["stages"]) for r in rows if r["peer"] == label and r["stages"] not in ("", "{}")]
    if not full:
        continue
    print("\n%s, CPU seconds by stage (median of %d runs; fetch = curl thread, crawl loop,"
          " page building, link handling, start-up; store = history recording, or with --no-history the report's"
          " copies kept in a temporary file; report = diff step + reporters)"
          % (label, len(full)))
    print("| stage | CPU s | ms / page | share |")
    print("|---|---|---|---|")
    total = med(s["cpu_s"] for s in full)
    pages = med(s["pages"] for s in full)
    for k in ("fetch", "parse", "rules", "store", "report"):
        v = med(s.get(k + "_cpu_s", 0.0) for s in full)
        print("| %s | %.2f | %.2f | %.0f %% |" % (k, v, v / pages * 1000, 100 * v / total))
    print("| total | %.2f | %.2f | |" % (total, total / pages * 1000))
EOF
}

mode_crawl() {
  local corp tsv
  corp=$(corpus "$N")
  start_nginx "$corp"
  mkdir -p "$RESULTS"
  tsv="$RESULTS/crawl-$STAMP.tsv"
  echo -e "peer\tround\twall_s\tuser_s\tsys_s\tmaxrss_kb\tpages\tmissing\tstages\tload1" >"$tsv"
  for ((r = 1 - WARMUP; r <= RUNS; r++)); do
    run_peer wget2 "$corp" "$tsv" "$r"
    run_peer exposcan-fetch "$corp" "$tsv" "$r"
    if ((r <= FULL_RUNS)); then
      run_peer exposcan-full "$corp" "$tsv" "$r"
      run_peer exposcan-nohist "$corp" "$tsv" "$r"
    fi
    if ((r >= 1 && r <= SCRAPY_RUNS)); then run_peer scrapy "$corp" "$tsv" "$r"; fi
  done
  echo; echo "N=$N, CONC=$CONC, client CPUs '${CLIENT_CPUS}', GZIP_STATIC=$GZIP_STATIC; raw: $tsv"
  summarize "$tsv" "$N"
}

mode_rss() {
  mkdir -p "$RESULTS"
  local tsv="$RESULTS/rss-$STAMP.tsv"
  echo -e "peer\tround\twall_s\tuser_s\tsys_s\tmaxrss_kb\tpages\tmissing\tstages\tload1" >"$tsv"
  for n in "$N" "$N_BIG"; do
    local corp
    corp=$(corpus "$n")
    start_nginx "$corp"
    for ((r = 1; r <= RSS_RUNS; r++)); do
      run_peer "exposcan-fetch-$n" "$corp" "$tsv" "$r"
      run_peer "exposcan-full-$n" "$corp" "$tsv" "$r"
      run_peer "exposcan-nohist-$n" "$corp" "$tsv" "$r"
    done
  done
  echo; echo "peak RSS by corpus size; raw: $tsv"
  "$PY" - "$tsv" <<'EOF'
import csv, json, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("| run | pages | wall s | CPU s | peak RSS MiB | peak RSS at the end of the crawl MiB | load (1 min) |")
print("|---|---|---|---|---|---|---|")
for peer in dict.fromkeys(r["peer"] for r in rows):
    rs = [r for r in rows if r["peer"] == peer]
    m = statistics.median
    crawl = [json.loads(r["stages"]).get("crawl_rss_mib") for r in rs if r["stages"] not in ("", "{}")]
    crawl = [c for c in crawl if c is not None]
    print("| %s | %s | %.2f | %.2f | %.1f | %s | %s |" % (peer, rs[0]["pages"], m(float(r["wall_s"]) for r in rs),
          m(float(r["user_s"]) + float(r["sys_s"]) for r in rs), m(int(r["maxrss_kb"]) for r in rs) / 1024,
          "%.1f" % m(crawl) if crawl else "-", ", ".join(r.get("load1") or "?" for r in rs)))
EOF
}

mode_h2() {
  local corp
  corp=$(corpus "$N")
  stop_nginx
  CORPUS="$corp" TLS_PORT="$TLS_PORT" RUNDIR="$WORK/nginx-tls" "$HERE/serve_tls.sh" start
  mkdir -p "$RESULTS"
  local tsv="$RESULTS/h2-$STAMP.tsv" url="https://127.0.0.1:$TLS_PORT/index.html"
  echo -e "variant\tround\twall_s\tuser_s\tsys_s\tmaxrss_kb\tstages" >"$tsv"
  for ((r = 1 - WARMUP; r <= RUNS; r++)); do
    for variant in http1.1 http2; do
      local out="$OUTROOT/h2-$variant" extra=()
      [[ "$variant" == http1.1 ]] && extra=(--no-http2)
      rm -rf "$out"; mkdir -p "$out"
      local pin=()
      [[ -n "$CLIENT_CPUS" ]] && pin=(taskset -c "$CLIENT_CPUS")
      /usr/bin/time -f '%e\t%U\t%S\t%M' -o "$out.time" "${pin[@]}" "$EXPOSCAN_BIN" scan "$url" --fetch-only \
        --cacert "$REPO/samples/tls/ca.pem" --concurrency "$CONC" --per-host-connections "$CONC" --per-host-rate 0 \
        --max-pages 1000000 --max-depth 100 --quiet --timings "${extra[@]}" --format json -o "$out/report.json" \
        >"$out.log" 2>&1 || echo "$variant: exit status $?" >&2
      local stages
      stages=$(grep -o 'exposcan: timings {.*}' "$out.log" | sed 's/^exposcan: timings //')
      ((r >= 1)) && echo -e "$variant\t$r\t$(tail -1 "$out.time")\t$stages" >>"$tsv"
      echo "$variant round $r: $(tail -1 "$out.time" | tr '\t' ' ') $stages" >&2
    done
  done
  "$HERE/serve_tls.sh" stop
  echo; echo "HTTPS, exposcan --fetch-only, $CONC requests in flight; raw: $tsv"
  "$PY" - "$tsv" <<'EOF'
import csv, json, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("| protocol | runs | wall s | pages/s | CPU s | requests | connections opened | peak RSS MiB |")
print("|---|---|---|---|---|---|---|---|")
m = statistics.median
for v in dict.fromkeys(r["variant"] for r in rows):
    rs = [r for r in rows if r["variant"] == v]
    st = [json.loads(r["stages"]) for r in rs]
    wall = m(float(r["wall_s"]) for r in rs)
    print("| %s | %d | %.2f | %.0f | %.2f | %d | %d | %.1f |" % (v, len(rs), wall, m(s["pages"] for s in st) / wall,
          m(float(r["user_s"]) + float(r["sys_s"]) for r in rs), m(s["requests"] for s in st),
          m(s["connections"] for s in st), m(int(r["maxrss_kb"]) for r in rs) / 1024))
EOF
}

case "${1:-}" in
  crawl) mode_crawl ;;
  rss) mode_rss ;;
  h2) mode_h2 ;;
  all) mode_crawl; mode_rss; mode_h2 ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
