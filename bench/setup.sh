#!/usr/bin/env bash
# bench/setup.sh — installs the benchmark peers (Debian 12). Not part of CI: run once, as root.
#   nginx (the server), wget2 and Scrapy (the crawl peers), ripgrep and hyperfine (timing), time.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends nginx wget2 python3-scrapy ripgrep hyperfine time curl
# Debian starts nginx as a service on install; the benchmark runs its own instance on 127.0.0.1.
if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then systemctl stop nginx; fi
