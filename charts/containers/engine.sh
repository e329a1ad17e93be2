#!/usr/bin/env bash
# Sourced by the containers stage: starts a private Docker daemon (own data root, exec root, pid file and socket under
# a fresh /tmp folder; no other engine or socket touched) and stops it by its pid when the sourcing shell exits.
# Exports DOCKER_HOST. Installs docker.io first when dockerd is missing.
engine_dir="$(mktemp -d /tmp/qh-engine.XXXXXX)"
"$(dirname "${BASH_SOURCE[0]}")/install-docker.sh"
engine_stop() {
  if [ -s "$engine_dir/docker.pid" ]; then
    local pid; pid="$(cat "$engine_dir/docker.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # containerd started by this dockerd lives under the exec root and exits with it. Retried: right after the daemon
  # exits, a last write into the data root can race the first removal (seen once: 426 MB left in /tmp).
  for _ in 1 2 3 4 5; do
    rm -rf "$engine_dir" 2>/dev/null || true
    [ -e "$engine_dir" ] || break
    sleep 1
  done
}
trap engine_stop EXIT
dockerd --data-root "$engine_dir/data" --exec-root "$engine_dir/exec" --pidfile "$engine_dir/docker.pid" \
  --host "unix://$engine_dir/docker.sock" --storage-driver overlay2 >"$engine_dir/dockerd.log" 2>&1 &
export DOCKER_HOST="unix://$engine_dir/docker.sock"
for _ in $(seq 1 60); do
  [ -S "$engine_dir/docker.sock" ] && docker version >/dev/null 2>&1 && break
  sleep 1
done
docker version --format 'docker engine {{.Server.Version}} up (data root '"$engine_dir"'/data)' \
  || { tail -30 "$engine_dir/dockerd.log"; echo "the Docker daemon did not start within 60 s" >&2; exit 1; }
