#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each briefly on a corpus seeded from
# samples/. Exit status 1 on any crash, leak, sanitizer report or timeout; the reproducer is left in
# $FUZZ_DIR/<target>/crash-* (or leak-*, timeout-*).
#   fuzz/run-short.sh                  # every target, FUZZ_SECONDS (default 20) each
#   FUZZ_SECONDS=600 fuzz/run-short.sh fuzz_html   # a longer run of one target
# Environment: FUZZ_DIR (build + corpora, default build-fuzz), FUZZ_SECONDS, JOBS.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fuzz_dir="${FUZZ_DIR:-build-fuzz}"
seconds="${FUZZ_SECONDS:-20}"
jobs="${JOBS:-$(nproc)}"
targets=(fuzz_html fuzz_jsonld fuzz_mf2 fuzz_feeds fuzz_har fuzz_har_zip fuzz_warc
         fuzz_json_mastodon fuzz_json_activitypub fuzz_json_bluesky fuzz_json_reddit fuzz_json_github
         fuzz_json_wordpress fuzz_json_tumblr fuzz_json_instagram fuzz_json_threads fuzz_json_x fuzz_json_stackexchange fuzz_github_patch fuzz_youtube
         fuzz_detect)
if [ "$#" -gt 0 ]; then targets=("$@"); fi

CC=clang CXX=clang++ cmake -S . -B "$fuzz_dir" -G Ninja -DEXPOSCAN_FUZZ=ON -DEXPOSCAN_SANITIZE=ON -DEXPOSCAN_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$fuzz_dir" -j "$jobs" --target "${targets[@]}"

seed() {  # seed <corpus dir> <find expression...>
  local dir=$1; shift
  mkdir -p "$dir"
  find "$root/samples/sites" "$root/tests/parsers/fixtures" -type f "$@" -size -512k -exec cp -n {} "$dir/" \; 2>/dev/null || true
}

# HAR and WARC seeds are made from sample pages (no captures are stored in the repository).
make_offline_seeds() {
  local dir=$1 kind=$2
  mkdir -p "$dir"
  python3 - "$root" "$dir" "$kind" <<'PY'
import base64, gzip, json, os, sys
root, out, kind = sys.argv[1:4]
pages = [("https://jane.example/", "samples/sites/jane.example/index.html", "text/html; charset=utf-8"),
         ("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample", "samples/sites/mastodon.social/_api/account.json", "application/json"),
         ("https://www.youtube.com/feeds/videos.xml?channel_id=x", "samples/sites/www.youtube.com/_videos.xml", "text/xml")]
bodies = [(u, open(os.path.join(root, p), "rb").read(), t) for u, p, t in pages]
if kind == "har":
    entries = [{"startedDateTime": "2026-10-30T10:00:00Z", "request": {"method": "GET", "url": u},
                "response": {"status": 200, "headers": [{"name": "Content-Type", "value": t}],
                             "content": {"mimeType": t, "text": base64.b64encode(b).decode(), "encoding": "base64"}}} for u, b, t in bodies]
    open(os.path.join(out, "seed.har"), "w").write(json.dumps({"log": {"version": "1.2", "entries": entries}}))
elif kind == "har_zip":  # Playwright's layout: har.har, each body an entry named in content._file
    import zipfile
    entries, files = [], []
    for i, (u, b, t) in enumerate(bodies):
        name = "%040x.%s" % (i, "html" if "html" in t else "json" if "json" in t else "xml")
        files.append((name, b))
        entries.append({"startedDateTime": "2026-10-30T10:00:00Z", "request": {"method": "GET", "url": u},
                        "response": {"status": 200, "headers": [{"name": "Content-Type", "value": t}],
                                     "content": {"mimeType": t, "size": len(b), "_file": name}}})
    with zipfile.ZipFile(os.path.join(out, "seed.har.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("har.har", json.dumps({"log": {"version": "1.2", "entries": entries}}))
        for name, b in files:
            z.writestr(name, b)
else:
    recs = b""
    for u, b, t in bodies:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: " + t.encode() + b"\r\nContent-Length: " + str(len(b)).encode() + b"\r\n\r\n" + b
        rec = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + u.encode() + b"\r\nWARC-Date: 2026-10-30T10:00:00Z\r\n"
               b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
        recs += rec
    open(os.path.join(out, "seed.warc"), "wb").write(recs)
    open(os.path.join(out, "seed.warc.gz"), "wb").write(gzip.compress(recs))
    try:  # .warc.zst: one zstd frame per record (libzstd through ctypes; skipped without it)
        import ctypes
        z = ctypes.CDLL("libzstd.so.1")
        z.ZSTD_compressBound.restype = ctypes.c_size_t
        z.ZSTD_compress.restype = ctypes.c_size_t
        frames = b""
        for rec in recs.split(b"WARC/1.1\r\n")[1:]:
            src = b"WARC/1.1\r\n" + rec
            buf = ctypes.create_string_buffer(z.ZSTD_compressBound(ctypes.c_size_t(len(src))))
            n = z.ZSTD_compress(buf, ctypes.c_size_t(len(buf)), src, ctypes.c_size_t(len(src)), 3)
            frames += buf.raw[:n]
        open(os.path.join(out, "seed.warc.zst"), "wb").write(frames)
    except OSError:
        pass
PY
}

status=0
for t in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$t"
  case "$t" in
    fuzz_html|fuzz_mf2) seed "$corpus" \( -name '*.html' -o -name '*.htm' \) ;;
    fuzz_jsonld) seed "$corpus" -name '*.json' ;;
    fuzz_feeds) seed "$corpus" \( -name '*.xml' -o -name '*.rss' -o -name 'feed.json' -o -name 'jane_feed.json' \) ;;
    fuzz_har) make_offline_seeds "$corpus" har ;;
    fuzz_har_zip) make_offline_seeds "$corpus" har_zip ;;
    fuzz_warc) make_offline_seeds "$corpus" warc ;;
    fuzz_json_*) seed "$corpus" -name '*.json' ;;
    fuzz_github_patch) seed "$corpus" -name '*.patch' ;;
    fuzz_youtube) seed "$corpus" -path '*youtube*' -name '*.html' ; seed "$corpus" -name '*.json' ;;
    fuzz_detect)  # the labelled sentences of bench/pii-eval, one file each, and fuzz/seeds/detect.txt
      mkdir -p "$corpus"; cp -n "$root/fuzz/seeds/detect.txt" "$corpus/"
      python3 -c 'import json,sys,os
for f in sys.argv[2:]:
    for i, line in enumerate(open(f)):
        open(os.path.join(sys.argv[1], "%s-%d.txt" % (os.path.basename(f), i)), "w").write(json.loads(line)["text"])' \
        "$corpus" "$root"/bench/pii-eval/*.jsonl ;;
  esac
  mkdir -p "$fuzz_dir/artifacts/$t"
  echo "=== $t (${seconds}s)"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$fuzz_dir/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
      -artifact_prefix="$fuzz_dir/artifacts/$t/" -print_final_stats=1 "$corpus" 2>"$fuzz_dir/$t.log"; then
    echo "FAILED: $t (see $fuzz_dir/$t.log and $fuzz_dir/artifacts/$t/)"
    tail -40 "$fuzz_dir/$t.log"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$fuzz_dir/$t.log" | tr '\n' ' '
    echo
  fi
done
exit $status
