#!/usr/bin/env bash
# Sets up a bare Debian/Ubuntu machine for kube-rescue's rehearsals and tests:
# system packages (apt), a running Docker engine, and the npm dependencies. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
for pkg in etcd-server etcd-client debootstrap age openssh-client openssh-server openssl sudo busybox-static ansible-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
# A machine with a Docker engine of its own (a GitHub runner) keeps it; docker.io would conflict.
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Debian's packages start services we do not want on the host; our tests start their own.
for svc in etcd ssh; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl stop "$svc" || true
  fi
done

# Each kubeadm node runs systemd, the kubelet and containerd, each holding inotify instances;
# Debian's default of 128 per user runs out with a few such clusters at once, and a node's
# systemd then fails to boot. Raised where the kernel lets us (a runner's may not).
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  $SUDO sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 ||
    echo "setup: could not raise fs.inotify.max_user_instances (kubeadm clusters may fail to boot when several run at once)" >&2
fi

# The Docker engine, for the rehearsal cluster's nodes and testcontainers.
if ! docker info >/dev/null 2>&1; then
  echo "setup: starting dockerd" >&2
  $SUDO sh -c 'nohup dockerd >/tmp/kube-rescue-dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "setup: dockerd did not start; see /tmp/kube-rescue-dockerd.log" >&2
    tail -20 /tmp/kube-rescue-dockerd.log >&2 || true
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# etcd 3.5/3.6 (and the other Go programs under tools/), built once per machine and cached.
bash scripts/build-tools.sh
