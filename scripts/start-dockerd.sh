#!/usr/bin/env bash
# Starts (or stops) a private Docker engine for the integration tests, with a local busybox base image.
#
#   scripts/start-dockerd.sh [start]   installs docker.io and busybox-static when missing, starts
#                                      dockerd in a new temp dir, imports local/busybox:1, and prints
#                                        DOCKER_HOST=unix:///tmp/dfa.XXXXXX/d.sock
#                                        DOCKERD_DIR=/tmp/dfa.XXXXXX
#   scripts/start-dockerd.sh stop DIR  stops the engine started in DIR (by its pid file) and removes DIR.
#
# Progress goes to stderr; only the two lines above go to stdout, so callers can parse them.
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }

stop_engine() {
  local dir="$1"
  case "$dir" in
    /tmp/dfa.*) ;;
    *) log "refusing to stop: $dir is not a directory made by this script"; exit 2 ;;
  esac
  if [[ -f "$dir/dockerd.pid" ]]; then
    local pid
    pid="$(cat "$dir/dockerd.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
  fi
  # The vfs layers of containers that ran are mounted nowhere, but containerd may leave its shim mounts.
  if mountpoint -q "$dir/x" 2>/dev/null; then umount -l "$dir/x" || true; fi
  rm -rf "$dir" 2>/dev/null || log "some files in $dir could not be removed"
}

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
  if ((${#missing[@]} == 0)); then
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    log "missing ${missing[*]}, and installing needs root"
    exit 3
  fi
  log "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
    apt-get update >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
}

import_busybox() {
  local dir="$1"
  if docker image inspect local/busybox:1 >/dev/null 2>&1; then
    return
  fi
  local rootfs="$dir/rootfs"
  mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
  cp /bin/busybox "$rootfs/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
  echo 'root:x:0:' >"$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp"
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/sh"]' - local/busybox:1 >&2
  rm -rf "$rootfs"
}

start_engine() {
  ensure_packages
  # The socket path must stay under the ~100-byte unix socket limit, hence a short dir under /tmp.
  local dir
  dir="$(mktemp -d /tmp/dfa.XXXXXX)"
  mkdir -p "$dir/data" "$dir/x"
  dockerd --data-root "$dir/data" --exec-root "$dir/x" --pidfile "$dir/dockerd.pid" \
    --storage-driver vfs --iptables=false --bridge=none \
    --host "unix://$dir/d.sock" >"$dir/dockerd.log" 2>&1 &
  export DOCKER_HOST="unix://$dir/d.sock"
  for _ in $(seq 1 300); do
    if docker info >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 $! 2>/dev/null; then
      log "dockerd exited; its log:"
      tail -n 30 "$dir/dockerd.log" >&2
      stop_engine "$dir"
      exit 4
    fi
    sleep 0.1
  done
  if ! docker info >/dev/null 2>&1; then
    log "dockerd did not answer within 30 s; its log:"
    tail -n 30 "$dir/dockerd.log" >&2
    stop_engine "$dir"
    exit 4
  fi
  import_busybox "$dir"
  echo "DOCKER_HOST=$DOCKER_HOST"
  echo "DOCKERD_DIR=$dir"
}

case "${1:-start}" in
  start) start_engine ;;
  stop)
    [[ $# -eq 2 ]] || { log "usage: $0 stop DIR"; exit 2; }
    stop_engine "$2"
    ;;
  *) log "usage: $0 [start] | stop DIR"; exit 2 ;;
esac
