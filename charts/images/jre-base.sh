#!/usr/bin/env bash
# Makes the base image for offline image builds: a jlink'd Java runtime from the JDK bin/java-env picks (25 when
# installed, else 17), CA certificates inside it, a passwd entry
# for the non-root user 65532 and an empty /tmp, as a `docker save`-format tar that Jib reads with `tar://`.
# No shell, no package manager, no Docker needed. Idempotent: an existing tar is kept (delete it to rebuild).
#
#   charts/images/jre-base.sh [output.tar]     (default: target/jre-base/jre-base.tar at the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/target/jre-base/jre-base.tar}"
. "$root/bin/java-env"
jlink_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jlink"
# The tar is kept only if it was linked from this very JDK (a JDK 17 base left from before would otherwise stay).
jdk_key="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -2 | tr '\n' ' ')"
[ -s "$out" ] && [ "$(cat "$out.jdk" 2>/dev/null)" = "$jdk_key" ] && { echo "jre-base: $out exists"; exit 0; }
feature="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')"
compress=zip-6; [ "$feature" -ge 21 ] || compress=2   # JDK 17's jlink knows only 0|1|2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/opt" "$work/rootfs/etc" "$work/rootfs/tmp" "$(dirname "$out")"

# What Micronaut + gRPC + Netty + JDBC + Flyway + Logback use (java.desktop: java.beans for SnakeYAML/Jackson;
# jdk.unsupported: Netty and protobuf; jdk.crypto.ec: TLS to an external database; jdk.localedata: zh-CN pages;
# jdk.jfr: Micronaut HTTP records JFR events — without it every request fails with NoClassDefFoundError jdk/jfr/Event).
# jdk.crypto.ec is an empty module since JDK 22 (EC moved into java.base); kept so a JDK 17 still links the same set.
# --generate-cds-archive: the JRE's own default CDS archive, as a full JDK has (faster start even without app.aot).
modules=java.base,java.logging,java.naming,java.sql,java.management,java.net.http,java.xml,java.desktop,\
java.security.jgss,java.instrument,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,\
jdk.management,jdk.localedata,jdk.jfr
"$jlink_bin" --add-modules "$modules" --include-locales=en,zh --strip-debug --no-header-files --no-man-pages \
  --compress=$compress --generate-cds-archive --output "$work/rootfs/opt/java"

# The JRE is linked against glibc: copy exactly the shared libraries its binaries need (ldd), at their own paths.
# Headless: the X11, sound and splash-screen libraries are never loaded, so their dependencies are left out.
find "$work/rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' -print0 \
  | { xargs -0 ldd 2>/dev/null || true; } | grep -o '/[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
    case "$lib" in "$work"/*) continue ;; esac
    mkdir -p "$work/rootfs$(dirname "$lib")"
    cp -L "$lib" "$work/rootfs$lib"
  done
layer_dirs="opt etc tmp $(cd "$work/rootfs" && { ls -d lib lib64 usr 2>/dev/null || true; } | tr '\n' ' ')"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$work/rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$work/rootfs/etc/group"
chmod 1777 "$work/rootfs/tmp"

# One layer, reproducible: fixed owner and mtime, sorted names.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2017-05-01 00:00:00Z' \
  -C "$work/rootfs" -cf "$work/layer.tar" $layer_dirs
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
java_version="$("$work/rootfs/opt/java/bin/java" -version 2>&1 | head -1 | tr -d '"')"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2017-05-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532:65532",
   "Labels":{"org.opencontainers.image.description":"jlink'd JRE for the Qinghai platform ($java_version)"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2017-05-01T00:00:00Z","created_by":"charts/images/jre-base.sh"}]}
JSON
echo "[{\"Config\":\"config.json\",\"RepoTags\":[\"qinghai/jre-base:$feature\"],\"Layers\":[\"layer.tar\"]}]" > "$work/manifest.json"
tar --owner=0 --group=0 --numeric-owner --mtime='2017-05-01 00:00:00Z' -C "$work" \
  -cf "$out" manifest.json config.json layer.tar
echo "$jdk_key" > "$out.jdk"
echo "jre-base: $out ($(du -h "$out" | cut -f1), $java_version)"
