#!/usr/bin/env bash
# Installs what exposcan needs from Debian 12 (idempotent; run as root).
#   scripts/install-deps.sh          build dependencies (enough for `exposcan demo`)
#   scripts/install-deps.sh --test   also what the test suite uses (clang for ASan/UBSan,
#                                    chromium for the HTML report test, node/npm for the WARC check)
set -euo pipefail

build_pkgs=(cmake g++ make pkg-config ca-certificates
  libcurl4-openssl-dev libgumbo-dev libre2-dev libboost-dev libfmt-dev catch2 nlohmann-json3-dev
  libyaml-cpp-dev libsqlite3-dev libphonenumber-dev libssl-dev zlib1g-dev libcli11-dev)
test_pkgs=(clang libclang-rt-14-dev llvm chromium python3-jsonschema)
# Node.js and npm: use the machine's when present (a NodeSource nodejs bundles npm and
# conflicts with Debian's npm package); otherwise take Debian's.
if ! command -v node >/dev/null 2>&1; then test_pkgs+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then test_pkgs+=(npm); fi

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or: sudo $0 $*)" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
