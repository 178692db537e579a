#!/usr/bin/env bash
# Makes a container engine, QEMU binfmt and the Debian base images available on this machine.
# Idempotent: every step checks first, so running it twice does nothing the second time.
# The images are test fixtures made from Debian's packages because no image registry is reachable here;
# real users pull the official per-architecture images of the same names.
set -euo pipefail

log() { printf '[engine-setup] %s\n' "$*"; }
STATE_DIR=${CROSS_ENGINE_STATE:-/var/tmp/cross-build-engine}
mkdir -p "$STATE_DIR"
SUITE=${CROSS_DEBIAN_SUITE:-bookworm}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_pkgs=()
command -v dockerd >/dev/null || need_pkgs+=(docker.io)
[ -x /usr/bin/qemu-aarch64-static ] || need_pkgs+=(qemu-user-static)
command -v update-binfmts >/dev/null || need_pkgs+=(binfmt-support)
command -v mmdebstrap >/dev/null || need_pkgs+=(mmdebstrap)
command -v arch-test >/dev/null || need_pkgs+=(arch-test)
command -v file >/dev/null || need_pkgs+=(file)
# The archive tests read every release archive with GNU tar, bsdtar and unzip.
command -v bsdtar >/dev/null || need_pkgs+=(libarchive-tools)
command -v unzip >/dev/null || need_pkgs+=(unzip)
# The audit's unit tests link a static glibc program with the host's gcc (libc.a is in libc6-dev).
[ -x /usr/bin/gcc ] || need_pkgs+=(gcc)
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || need_pkgs+=(libc6-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# QEMU user emulation through binfmt_misc (the F flag lets containers use the host's static qemu).
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
  as_root mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  log "registering QEMU binfmt handlers"
  as_root update-binfmts --enable >/dev/null 2>&1 || true
  for f in /usr/share/binfmts/qemu-*; do as_root update-binfmts --import "$(basename "$f")" >/dev/null 2>&1 || true; done
fi
[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || { log "qemu-aarch64 is not registered in binfmt_misc"; exit 1; }

# The engine: use one that answers; otherwise start dockerd detached, logging to a file.
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: $STATE_DIR/dockerd.log)"
  setsid dockerd > "$STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  echo $! > "$STATE_DIR/dockerd.pid"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up; tail of its log:"; tail -20 "$STATE_DIR/dockerd.log"; exit 1; }
  echo started > "$STATE_DIR/started-by-setup"
fi

# Base images, one repository per architecture, as the official images are named.
make_base() { # <debian arch> <image name> <platform> [suite [sources line]]
  local arch=$1 name=$2 platform=$3 suite=${4:-$SUITE} sources=${5:-}
  local want=${platform#linux/}; want=${want%%/*}
  if docker image inspect "$name" >/dev/null 2>&1; then
    local have; have=$(docker image inspect -f '{{.Architecture}}' "$name")
    if [ "$have" = "$want" ]; then
      log "$name present ($have)"; return 0
    fi
  fi
  if docker pull --platform "$platform" "$name" >/dev/null 2>&1; then log "$name pulled"; return 0; fi
  log "making $name from Debian's packages ($arch; arm64 takes a few minutes under QEMU)"
  local dir; dir=$(mktemp -d "$STATE_DIR/rootfs.XXXX")
  mmdebstrap --quiet --variant=minbase --architectures="$arch" \
    --include=ca-certificates "$suite" "$dir/rootfs.tar" ${sources:+"$sources"}
  printf 'FROM scratch\nADD rootfs.tar /\nCMD ["bash"]\n' > "$dir/Dockerfile"
  # The classic builder records the platform given here; docker import would label arm64 as amd64.
  DOCKER_BUILDKIT=0 docker build -q --platform "$platform" -t "$name" "$dir" >/dev/null
  rm -rf "$dir"
  log "$name made ($(docker image inspect -f '{{.Architecture}}' "$name"))"
}
make_base amd64 "amd64/debian:$SUITE-slim" linux/amd64
make_base arm64 "arm64v8/debian:$SUITE-slim" linux/arm64
[ "$(docker image inspect -f '{{.Architecture}}' "arm64v8/debian:$SUITE-slim")" = arm64 ] \
  || { log "arm64v8/debian:$SUITE-slim does not report arm64"; exit 1; }
# armv7 and riscv64 (smoke tests under QEMU), and trixie for x86_64: riscv64 packages exist only from trixie on,
# so riscv64 cross builds run on amd64/debian:trixie-slim.
make_base armhf "arm32v7/debian:$SUITE-slim" linux/arm/v7
make_base amd64 "amd64/debian:trixie-slim" linux/amd64 trixie
make_base riscv64 "riscv64/debian:trixie-slim" linux/riscv64 trixie
# bullseye (glibc 2.31) for <glibc>2.31</glibc>: the x86_64 builds and the aarch64 cross builds run on amd64, the
# aarch64 smoke test under QEMU.
# Its long-term support has ended: the security archive no longer serves every architecture, so only the release.
BULLSEYE="deb http://deb.debian.org/debian bullseye main"
make_base amd64 "amd64/debian:bullseye-slim" linux/amd64 bullseye "$BULLSEYE"
make_base arm64 "arm64v8/debian:bullseye-slim" linux/arm64 bullseye "$BULLSEYE"
log "ready: $(docker version -f 'engine {{.Server.Version}} (API {{.Server.APIVersion}})')"
bash "$(dirname "$0")/registry.sh"
bash "$(dirname "$0")/builders.sh"
