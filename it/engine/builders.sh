#!/usr/bin/env bash
# Starts the two extra builders the builder tests drive, beside the machine's own engine:
#   box:    a second dockerd in its own network namespace (veth 10.231.0.1 <-> 10.231.0.2), with its own data
#           root and socket, answering on tcp://10.231.0.2:2376 with --tlsverify only. The CA, its server
#           certificate and a client certificate are made here with openssl; the client's ca.pem, cert.pem
#           and key.pem are in $STATE_DIR/box/client, the directory a <certPath> names.
#   podman: Debian's podman as `podman system service` on a unix socket, with its own storage, used through
#           DOCKER_HOST=unix://... like any Docker-compatible engine.
# Both get the Debian base images from the machine's engine (docker save | load: no registry is reachable).
# Writes what the tests need to $STATE_DIR/builders.properties. Idempotent: a builder that answers is kept;
# one that does not (the builder-killed test kills box) is started again.
#   builders.sh          start both (or restart what does not answer)
#   builders.sh box      start box only
#   builders.sh kill-box kill box's dockerd at once, as a crash would (the test of a builder dying mid-build)
#   builders.sh stop     stop what this script started
set -euo pipefail

log() { printf '[builders-setup] %s\n' "$*"; }
STATE_DIR=${CROSS_ENGINE_STATE:-/var/tmp/cross-build-engine}
BOX=$STATE_DIR/box
POD=$STATE_DIR/podman
NETNS=cross-box
BOX_IP=10.231.0.2
HOST_IP=10.231.0.1
BOX_HOST=tcp://$BOX_IP:2376
SUITE=${CROSS_DEBIAN_SUITE:-bookworm}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
box_docker() { DOCKER_HOST=unix://$BOX/docker.sock docker "$@"; }
pod_docker() { DOCKER_HOST=unix://$POD/podman.sock docker "$@"; }

kill_box() {
  # dockerd and the containerd it started (a killed dockerd leaves its containerd and containers running).
  if [ -f "$BOX/dockerd.pid" ]; then as_root kill -9 "$(cat "$BOX/dockerd.pid")" 2>/dev/null || true; fi
  as_root pkill -9 -f "dockerd --data-root $BOX/data" 2>/dev/null || true
  as_root pkill -9 -f "$BOX/exec/containerd" 2>/dev/null || true
  as_root pkill -9 -f "containerd-shim.*$BOX" 2>/dev/null || true
  # Gone for real before anything starts again: a dockerd started while the old containerd still exits
  # times out waiting for its own.
  for _ in $(seq 1 50); do pgrep -f "$BOX/(data|exec)" >/dev/null || break; sleep 0.2; done
  rm -f "$BOX/dockerd.pid" "$BOX/exec/containerd/containerd.sock"
}

stop_podman() {
  if [ -f "$POD/service.pid" ]; then kill "$(cat "$POD/service.pid")" 2>/dev/null || true; fi
  pkill -f "podman --root $POD/storage" 2>/dev/null || true
  rm -f "$POD/service.pid"
}

case "${1:-}" in
  stop)
    if [ -f "$STATE_DIR/builders-started-by-setup" ]; then
      log "stopping box and the podman service"
      kill_box
      stop_podman
      rm -f "$STATE_DIR/builders-started-by-setup"
    fi
    exit 0 ;;
  kill-box)
    kill_box
    log "box killed"
    exit 0 ;;
esac
want_podman=true
[ "${1:-}" = box ] && want_podman=false

need=()
command -v podman >/dev/null || need+=(podman)
command -v nsenter >/dev/null || need+=(util-linux)
command -v iptables >/dev/null || need+=(iptables)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$BOX/tls" "$BOX/client" "$POD"
echo started > "$STATE_DIR/builders-started-by-setup"

# box's TLS material, made once: a CA, the engine's server certificate (for its address) and a client one.
if [ ! -f "$BOX/client/key.pem" ]; then
  log "making a CA, a server certificate for $BOX_IP and a client certificate"
  (
    cd "$BOX/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=cross-build box CA" \
      -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=box" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:%s,DNS:box\nextendedKeyUsage=serverAuth\n' "$BOX_IP" > server.cnf
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile server.cnf -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=cross-build client" -keyout "$BOX/client/key.pem" \
      -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > client.cnf
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile client.cnf -out "$BOX/client/cert.pem" 2>/dev/null
    cp ca.pem "$BOX/client/ca.pem"
  )
fi

# box's network: a namespace with a veth pair, and NAT out through this machine (apt-get in its builds).
if ! ip netns list | grep -qw "$NETNS"; then
  log "making network namespace $NETNS ($HOST_IP <-> $BOX_IP)"
  as_root ip netns add "$NETNS"
  as_root ip link add cbx-host type veth peer name cbx-box
  as_root ip link set cbx-box netns "$NETNS"
  as_root ip addr add "$HOST_IP/30" dev cbx-host
  as_root ip link set cbx-host up
  as_root ip netns exec "$NETNS" ip addr add "$BOX_IP/30" dev cbx-box
  as_root ip netns exec "$NETNS" ip link set cbx-box up
  as_root ip netns exec "$NETNS" ip link set lo up
  as_root ip netns exec "$NETNS" ip route add default via "$HOST_IP"
fi
as_root sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -C POSTROUTING -s "$HOST_IP/30" ! -o cbx-host -j MASQUERADE 2>/dev/null \
  || as_root iptables -t nat -A POSTROUTING -s "$HOST_IP/30" ! -o cbx-host -j MASQUERADE
# The machine's dockerd drops forwarded packets by default; box's are let through.
iptables -C FORWARD -i cbx-host -j ACCEPT 2>/dev/null || as_root iptables -I FORWARD 1 -i cbx-host -j ACCEPT
iptables -C FORWARD -o cbx-host -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT 2>/dev/null \
  || as_root iptables -I FORWARD 1 -o cbx-host -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT

box_answers() { box_docker info >/dev/null 2>&1; }
start_box() {
  kill_box
  log "starting box's dockerd in $NETNS on $BOX_HOST (log: $BOX/dockerd.log)"
  echo "--- $(date -u +%FT%TZ) start" >> "$BOX/dockerd.log"
  # nsenter joins only the network namespace: ip netns exec would also remount /sys, hiding the cgroups.
  setsid nsenter --net="/var/run/netns/$NETNS" dockerd --data-root "$BOX/data" --exec-root "$BOX/exec" \
    --pidfile "$BOX/dockerd.pid" -H "unix://$BOX/docker.sock" -H "$BOX_HOST" --tlsverify \
    --tlscacert "$BOX/tls/ca.pem" --tlscert "$BOX/tls/server-cert.pem" --tlskey "$BOX/tls/server-key.pem" \
    >> "$BOX/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do box_answers && break; pgrep -f "dockerd --data-root $BOX/data" >/dev/null || break; sleep 1; done
  box_answers
}
if ! box_answers; then
  # Once more after a failed start: a killed box's containerd can take a moment to let go of its state.
  start_box || { sleep 3; start_box; } \
    || { log "box's dockerd did not come up; tail of its log, and what runs of it:"; tail -20 "$BOX/dockerd.log"
         pgrep -af "$BOX" || true; exit 1; }
fi
# Each builder needs the base images of the platforms it builds at (its own: amd64; trixie for riscv64).
copy_images() { # <docker function of the builder> <image>...
  local to=$1; shift
  local missing=()
  for image in "$@"; do "$to" image inspect "$image" >/dev/null 2>&1 || missing+=("$image"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "copying ${missing[*]} to ${to%_docker}"
    docker save "${missing[@]}" | "$to" load -q >/dev/null
  fi
}
copy_images box_docker "amd64/debian:$SUITE-slim" "amd64/debian:trixie-slim" "arm64v8/debian:$SUITE-slim" \
  "arm32v7/debian:$SUITE-slim" "riscv64/debian:trixie-slim"

if $want_podman; then
  pod_answers() { pod_docker info >/dev/null 2>&1; }
  if ! pod_answers; then
    stop_podman
    # Podman asks for higher rlimits than a machine without CAP_SYS_RESOURCE may grant: ask for what it has.
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=16384:16384"]\n' \
      "$(ulimit -Hn)" "$(ulimit -Hn)" > "$POD/containers.conf"
    log "starting the podman service on unix://$POD/podman.sock (log: $POD/service.log)"
    CONTAINERS_CONF=$POD/containers.conf setsid podman --root "$POD/storage" --runroot "$POD/run" \
      system service --time=0 "unix://$POD/podman.sock" > "$POD/service.log" 2>&1 < /dev/null &
    echo $! > "$POD/service.pid"
    for _ in $(seq 1 30); do pod_answers && break; sleep 1; done
    pod_answers || { log "the podman service did not come up; tail of its log:"; tail -20 "$POD/service.log"; exit 1; }
  fi
  # Podman names loaded images localhost/<name>; short names resolve to them.
  copy_images pod_docker "amd64/debian:$SUITE-slim" "arm64v8/debian:$SUITE-slim"
fi

cat > "$STATE_DIR/builders.properties" <<EOF
box.host=$BOX_HOST
box.socket=unix://$BOX/docker.sock
box.certPath=$BOX/client
box.tls=$BOX/tls
podman.host=unix://$POD/podman.sock
EOF
log "ready: box $(box_docker version -f '{{.Server.Version}}') at $BOX_HOST (TLS)$($want_podman \
  && echo ", podman $(pod_docker version -f '{{.Server.Version}}') at unix://$POD/podman.sock")"
