#!/usr/bin/env bash
# Detector throughput beside ripgrep on the same text (not part of the test suite).
#
#   bench/detect/vs_ripgrep.sh [BUILD_DIR]          (default: build)
#
# 1. Generates the benchmark corpus with ../shared/bench/gen_corpus.py (N pages of synthetic
#    social-network HTML, deterministic for a given N and seed) under $WORK/corpus.
# 2. Times `exposcan detect --format json` over every page in one process, with every built-in
#    pack loaded (as the command always does): wall-clock, best of $RUNS, and subtracts the
#    start-up time (the same command on an empty file, packs compiled, nothing scanned).
# 3. Times ripgrep over the same files with the shared email/phone/IBAN/card rules
#    (../shared/bench/pii_patterns/{email,phone,iban,card}.txt, 16 patterns), -j1 (exposcan's
#    detect is single-threaded) and -j$(nproc), output to a file as exposcan's is (ripgrep
#    stops at the first match when its output is /dev/null).
# Prints MB/s (10^6 bytes of HTML per second) for each, by wall clock and by CPU time (user +
# sys: what the machine's other load affects least), the machine load (uptime) before and after
# the runs, and the exact commands.
#
# Environment: N=500 (pages), SEED=pii-bench-1, RUNS=3, WORK=/tmp/exposcan-vs-rg,
#              SHARED=<repo>/../shared/bench
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
N="${N:-500}"
SEED="${SEED:-pii-bench-1}"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/exposcan-vs-rg}"
SHARED="${SHARED:-$ROOT/../shared/bench}"
[[ -d "$SHARED" ]] || SHARED=/work/shared/bench
EXPOSCAN="$BUILD/exposcan"

command -v rg >/dev/null || { echo "ripgrep not found (apt-get install -y ripgrep)" >&2; exit 2; }
[[ -x "$EXPOSCAN" ]] || { echo "no $EXPOSCAN (build it first: ninja -C $BUILD exposcan)" >&2; exit 2; }

mkdir -p "$WORK"
if ! grep -q "\"n_pages\": $N," "$WORK/corpus/manifest.json" 2>/dev/null ||
   ! grep -q "\"seed\": \"$SEED\"" "$WORK/corpus/manifest.json"; then
  rm -rf "$WORK/corpus"
  python3 "$SHARED/gen_corpus.py" --n "$N" --seed "$SEED" --out "$WORK/corpus" >/dev/null
fi
find "$WORK/corpus/site" -name '*.html' | LC_ALL=C sort > "$WORK/files.txt"
mapfile -t FILES < "$WORK/files.txt"
BYTES=$(cat "${FILES[@]}" | wc -c)
cat "$SHARED/pii_patterns/email.txt" "$SHARED/pii_patterns/phone.txt" "$SHARED/pii_patterns/iban.txt" \
    "$SHARED/pii_patterns/card.txt" > "$WORK/rg-patterns.txt"
: > "$WORK/empty.txt"

best_of() {  # "wall cpu": best wall-clock and best user+sys CPU seconds of RUNS runs (stdout to $WORK/out)
  local bw="" bc="" w u sy c
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$WORK/out"
    read -r w u sy < "$WORK/time"
    c=$(echo "$u + $sy" | bc -l)
    if [[ -z "$bw" ]] || (( $(echo "$w < $bw" | bc -l) )); then bw=$w; fi
    if [[ -z "$bc" ]] || (( $(echo "$c < $bc" | bc -l) )); then bc=$c; fi
  done
  echo "$bw $bc"
}
mbps() { echo "scale=1; $BYTES / $1 / 1000000" | bc -l; }

echo "machine: $(nproc) CPUs, $(uptime)"
echo "corpus: $N pages, $BYTES bytes of HTML ($WORK/corpus/site, gen_corpus.py --n $N --seed $SEED)"
echo "exposcan: $("$EXPOSCAN" --version 2>/dev/null | head -1); ripgrep: $(rg --version | head -1)"
echo

read -r startup_w startup_c <<< "$(best_of "$EXPOSCAN" detect --format json "$WORK/empty.txt")"
read -r detect_w detect_c <<< "$(best_of "$EXPOSCAN" detect --format json "${FILES[@]}")"
matches_exposcan=$(wc -l < "$WORK/out")
scan_w=$(echo "$detect_w - $startup_w" | bc -l)
scan_c=$(echo "$detect_c - $startup_c" | bc -l)
read -r rg1_w rg1_c <<< "$(best_of rg --no-config -j1 -o -b -N --no-heading -f "$WORK/rg-patterns.txt" "${FILES[@]}")"
matches_rg=$(wc -l < "$WORK/out")
read -r rgn_w rgn_c <<< "$(best_of rg --no-config -j"$(nproc)" -o -b -N --no-heading -f "$WORK/rg-patterns.txt" "${FILES[@]}")"

row() { printf '%-52s %7.2f %7s %7.2f %7s %8s\n' "$1" "$2" "$(mbps "$2")" "$3" "$(mbps "$3")" "$4"; }
printf '%-52s %7s %7s %7s %7s %8s\n' "best of $RUNS" "wall s" "MB/s" "CPU s" "MB/s" matches
row "exposcan detect, all packs (with start-up)" "$detect_w" "$detect_c" "$matches_exposcan"
row "exposcan detect, all packs (scan only)" "$scan_w" "$scan_c" ""
row "ripgrep -j1, 16 email/phone/IBAN/card patterns" "$rg1_w" "$rg1_c" "$matches_rg"
row "ripgrep -j$(nproc), same patterns" "$rgn_w" "$rgn_c" ""
echo "start-up (packs compiled, empty input): ${startup_w} s wall, ${startup_c} s CPU"
echo
echo "commands:"
echo "  $EXPOSCAN detect --format json \$(cat $WORK/files.txt) > $WORK/out"
echo "  rg --no-config -j1 -o -b -N --no-heading -f $WORK/rg-patterns.txt \$(cat $WORK/files.txt) > $WORK/out"
echo "machine after: $(uptime)"
