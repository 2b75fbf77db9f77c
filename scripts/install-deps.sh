#!/usr/bin/env bash
# Installs what exposcan needs from Debian 12 (idempotent; run as root).
#   scripts/install-deps.sh          build dependencies (enough for `exposcan demo`)
#   scripts/install-deps.sh --test   also what the test suite uses (clang for ASan/UBSan,
#                                    chromium for the HTML report test, node/npm for the WARC check
#                                    with warcio.js, python3-jsonschema for the JSON/SARIF schemas;
#                                    openssl (CLI) reads the RFC 3161 request back)
set -euo pipefail

build_pkgs=(cmake g++ make pkg-config ca-certificates
  libcurl4-openssl-dev libidn2-dev libgumbo-dev libre2-dev libboost-dev libfmt-dev catch2 nlohmann-json3-dev
  libyaml-cpp-dev libsqlite3-dev libphonenumber-dev libssl-dev zlib1g-dev libcli11-dev libmimalloc-dev libzstd-dev libbrotli-dev libzip-dev)
test_pkgs=(clang libclang-rt-14-dev llvm chromium nodejs npm python3-jsonschema openssl)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

# A package counts as present when dpkg has it, or (node, npm) when its command is on PATH:
# NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
present() {
  case "$1" in
    nodejs) command -v node >/dev/null 2>&1 && return 0 ;;
    npm) command -v npm >/dev/null 2>&1 && return 0 ;;
  esac
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
missing=()
for p in "${want[@]}"; do
  present "$p" || missing+=("$p")
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
