#!/usr/bin/env bash
# Installs the Docker engine (Debian's docker.io: dockerd, containerd, runc) only when dockerd is missing.
# The containers stage starts its own daemon (charts/containers/engine.sh); nothing is enabled or started here.
set -euo pipefail
if command -v dockerd >/dev/null && command -v docker >/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends docker.io
