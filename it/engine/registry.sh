#!/usr/bin/env bash
# Starts two image registries on loopback for the cache tests, with Debian's docker-registry (the CNCF
# distribution registry):
#   plain: HTTP without authentication (the engine treats 127.0.0.0/8 as an insecure registry);
#   tls:   HTTPS with a CA made here (trusted by the engine through /etc/docker/certs.d) and htpasswd users.
# Writes what the tests need to $STATE_DIR/registry.properties. Idempotent: a registry that answers is kept.
# Stop them with: registry.sh stop
set -euo pipefail

log() { printf '[registry-setup] %s\n' "$*"; }
STATE_DIR=${CROSS_ENGINE_STATE:-/var/tmp/cross-build-engine}
DIR=$STATE_DIR/registry
PLAIN=127.0.0.1:${CROSS_REGISTRY_PLAIN_PORT:-5100}
TLS=127.0.0.1:${CROSS_REGISTRY_TLS_PORT:-5143}
USER_NAME=cross-it
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "${1:-}" = stop ]; then
  for name in plain tls; do
    pidfile=$DIR/$name/pid
    if [ -f "$pidfile" ] && [ -f "$DIR/$name/started-by-setup" ]; then
      pid=$(cat "$pidfile")
      log "stopping the $name registry (pid $pid)"
      kill "$pid" 2>/dev/null || true
      rm -f "$pidfile" "$DIR/$name/started-by-setup"
    fi
  done
  exit 0
fi

need=()
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  as_root apt-get update -qq
  # The package's own service is not wanted: no init system runs here, and ours listen elsewhere.
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$DIR/plain/storage" "$DIR/tls/storage"

# The TLS registry's CA, server certificate (for the IP address) and one htpasswd user, made once.
if [ ! -f "$DIR/tls/server.crt" ]; then
  log "making a CA and a server certificate for $TLS"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=cross-build test CA" \
    -keyout "$DIR/tls/ca.key" -out "$DIR/tls/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$DIR/tls/server.key" -out "$DIR/tls/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$DIR/tls/ext.cnf"
  openssl x509 -req -in "$DIR/tls/server.csr" -CA "$DIR/tls/ca.crt" -CAkey "$DIR/tls/ca.key" \
    -CAcreateserial -days 3650 -extfile "$DIR/tls/ext.cnf" -out "$DIR/tls/server.crt" 2>/dev/null
fi
if [ ! -f "$DIR/tls/password" ]; then
  openssl rand -hex 16 > "$DIR/tls/password"
  htpasswd -Bbn "$USER_NAME" "$(cat "$DIR/tls/password")" > "$DIR/tls/htpasswd"
fi
as_root mkdir -p "/etc/docker/certs.d/$TLS"
as_root cp "$DIR/tls/ca.crt" "/etc/docker/certs.d/$TLS/ca.crt"

write_config() { # <name> <addr> <extra yaml>
  cat > "$DIR/$1/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/$1/storage
  delete:
    enabled: true
http:
  addr: $2
$3
YAML
}
write_config plain "$PLAIN" ""
write_config tls "$TLS" "  tls:
    certificate: $DIR/tls/server.crt
    key: $DIR/tls/server.key
auth:
  htpasswd:
    realm: cross-build-it
    path: $DIR/tls/htpasswd"

answers() { # <name> <url>
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$DIR/tls/ca.crt" "$2" || true)
  [ "$code" = 200 ] || [ "$code" = 401 ]
}
start() { # <name> <url>
  if answers "$1" "$2"; then log "$1 registry answers at $2"; return 0; fi
  log "starting the $1 registry (log: $DIR/$1/registry.log)"
  setsid docker-registry serve "$DIR/$1/config.yml" > "$DIR/$1/registry.log" 2>&1 < /dev/null &
  echo $! > "$DIR/$1/pid"
  echo started > "$DIR/$1/started-by-setup"
  for _ in $(seq 1 30); do answers "$1" "$2" && return 0; sleep 0.5; done
  log "the $1 registry did not come up; its log:"; tail -20 "$DIR/$1/registry.log"; exit 1
}
start plain "http://$PLAIN/v2/"
start tls "https://$TLS/v2/"

cat > "$STATE_DIR/registry.properties" <<PROPS
# Written by it/engine/registry.sh for the cache tests.
plain=$PLAIN
tls=$TLS
tls.ca=$DIR/tls/ca.crt
tls.username=$USER_NAME
tls.password=$(cat "$DIR/tls/password")
PROPS
log "ready: plain $PLAIN, tls $TLS (user $USER_NAME)"
