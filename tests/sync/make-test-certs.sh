#!/usr/bin/env bash
# tests/sync/make-test-certs.sh DIR
#
# Two throwaway CAs and a hub certificate for 127.0.0.1 signed by the
# first, made fresh for each test run with the openssl CLI (nothing secret
# is ever committed): DIR/ca-hub.pem, DIR/ca-other.pem, DIR/hub.pem and
# DIR/hub.key.  EC keys, because RSA key generation is slow.
set -euo pipefail

dir=${1:?usage: $0 DIR}
mkdir -p "$dir"
cd "$dir"

new_ca() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=$2" -keyout "$1.key" -out "$1.pem" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

new_ca ca-hub "Caiji test hub CA"
new_ca ca-other "Caiji test other CA"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" \
  -keyout hub.key -out hub.csr 2>/dev/null
printf '%s\n' "subjectAltName=IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
  "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >hub.ext
openssl x509 -req -in hub.csr -CA ca-hub.pem -CAkey ca-hub.key -CAcreateserial -days 2 \
  -extfile hub.ext -out hub.pem 2>/dev/null
rm -f hub.csr hub.ext ca-hub.srl
