#!/bin/sh
# Regenerates the test CA and the one server certificate the loopback sample server presents.
# Run from anywhere:  sh samples/tls/make-certs.sh   (then rebuild; the .pem/.key files are embedded)
# The certificate lists every sample hostname as an explicit DNS SAN (no wildcards), plus
# localhost and 127.0.0.1. Keys are unencrypted on purpose: this material exists only for tests.
set -eu
cd "$(dirname "$0")"

days=10950  # ~30 years
hosts="
jane.example www.jane.example
mastodon.social
www.instagram.com instagram.com
stackoverflow.com api.stackexchange.com
www.threads.com
bsky.app public.api.bsky.app
www.reddit.com old.reddit.com
github.com api.github.com
www.youtube.com
www.facebook.com m.facebook.com
x.com twitter.com
www.linkedin.com
blog.example.org
janeexample.wordpress.com janeexample.tumblr.com
faults.example
robots500.faults.example robots404.faults.example robotsbig.faults.example robots429.faults.example
robotsbigplain.faults.example
localhost
"
san=""
for h in $hosts; do san="${san:+$san,}DNS:$h"; done
san="$san,IP:127.0.0.1"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
  -subj "/O=exposcan samples/CN=exposcan Test CA (not for production)" \
  -keyout ca.key -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash"

openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=exposcan samples/CN=jane.example" \
  -keyout server.key -out "$tmp/server.csr"

cat > "$tmp/ext.cnf" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=$san
EXT

openssl x509 -req -sha256 -days "$days" -in "$tmp/server.csr" -CA ca.pem -CAkey ca.key \
  -set_serial "0x$(openssl rand -hex 16)" -extfile "$tmp/ext.cnf" -out server.pem

chmod 0644 ca.pem server.pem
chmod 0600 ca.key server.key
openssl verify -CAfile ca.pem server.pem
