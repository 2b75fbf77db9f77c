#!/usr/bin/env bash
# bench/serve_tls.sh — the benchmark corpus over HTTPS, HTTP/1.1 and HTTP/2 (ALPN), for measuring
# keep-alive and HTTP/2 multiplexing. nginx on 127.0.0.1:$TLS_PORT with samples/tls/server.pem
# (its names include IP 127.0.0.1; trust samples/tls/ca.pem). Same gzip and pinning as
# ../shared/bench/serve.sh.
#   bench/serve_tls.sh start|stop
# Environment: CORPUS (required for start), TLS_PORT=18443, RUNDIR=/tmp/exposcan-bench/nginx-tls,
#   NGINX_CPU=<last cpu>
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$HERE/.." && pwd)"
TLS_PORT="${TLS_PORT:-18443}"
RUNDIR="${RUNDIR:-/tmp/exposcan-bench/nginx-tls}"
NGINX_CPU="${NGINX_CPU-$(($(nproc) - 1))}"
PIDFILE="$RUNDIR/nginx.pid"

case "${1:-}" in
  start)
    [[ -f "${CORPUS:-}/site/index.html" ]] || { echo "set CORPUS to a corpus folder (gen_corpus.py --out)" >&2; exit 1; }
    mkdir -p "$RUNDIR/tmp" "$RUNDIR/logs"
    affinity=""
    [[ -n "$NGINX_CPU" ]] && affinity="worker_cpu_affinity 1$(printf '%*s' "$NGINX_CPU" '' | tr ' ' 0);"
    cat >"$RUNDIR/nginx.conf" <<EOF
worker_processes 1;
$affinity
pid $PIDFILE;
error_log $RUNDIR/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    keepalive_timeout 65s;
    gzip on;
    gzip_comp_level 1;
    gzip_min_length 256;
    gzip_types text/plain text/css application/json application/javascript;
    open_file_cache max=20000 inactive=120s;
    client_body_temp_path $RUNDIR/tmp/body;
    proxy_temp_path $RUNDIR/tmp/proxy;
    fastcgi_temp_path $RUNDIR/tmp/fastcgi;
    uwsgi_temp_path $RUNDIR/tmp/uwsgi;
    scgi_temp_path $RUNDIR/tmp/scgi;
    server {
        listen 127.0.0.1:$TLS_PORT ssl http2;
        ssl_certificate $ROOT_DIR/samples/tls/server.pem;
        ssl_certificate_key $ROOT_DIR/samples/tls/server.key;
        root $CORPUS/site;
        index index.html;
        location / { try_files \$uri \$uri/ =404; }
    }
}
EOF
    nginx -q -t -p "$RUNDIR" -e "$RUNDIR/logs/error.log" -c "$RUNDIR/nginx.conf"
    nginx -p "$RUNDIR" -e "$RUNDIR/logs/error.log" -c "$RUNDIR/nginx.conf"
    for _ in $(seq 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
    echo "nginx (TLS, h2) PID $(cat "$PIDFILE") on https://127.0.0.1:$TLS_PORT/" >&2 ;;
  stop)
    [[ -s "$PIDFILE" ]] && kill -QUIT "$(cat "$PIDFILE")" 2>/dev/null || true
    sleep 0.5 ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
