#!/usr/bin/env bash
# Offline image check for CI (no Docker, no registry): builds every app module's image tar on the jlink'd JRE base
# and checks each one: runs as 65532, starts java directly with the container JVM flags (no AOT cache flags: the
# containers stage adds them with the cache), runs the app from its jar (no /app/classes: the AOT cache refuses class directories), carries no shell.
# Run after `./mvnw -B verify` (classes are then compiled; this adds jlink once and a few seconds per image).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/bin/java-env"   # JDK 25 when installed: the build, jlink and the image base follow it
cd "$root"
apps="$(charts/images/apps.sh | paste -sd, -)"
t0=$(date +%s)
./mvnw -B -q -DskipTests -Pimages-offline -pl "$apps" -am package
for m in ${apps//,/ }; do
  python3 - "$m/target/jib-image.tar" <<'PY'
import json, sys, tarfile
path = sys.argv[1]
with tarfile.open(path) as image:
    manifest = json.load(image.extractfile("manifest.json"))[0]
    config = json.load(image.extractfile(manifest["Config"]))["config"]
    problems = []
    if config.get("User") != "65532:65532":
        problems.append(f"user {config.get('User')!r}, expected 65532:65532")
    entry = config.get("Entrypoint") or []
    if not entry or entry[0] != "java" or "-XX:MaxRAMPercentage=75.0" not in entry:
        problems.append(f"entrypoint {entry}")
    # No AOT cache flags before a cache is baked in (charts/containers/aot_images.py adds both together): a flag
    # naming a missing cache costs the JRE's default class-data archive and prints [error][aot] lines at start.
    if any(a.startswith("-XX:AOT") for a in entry):
        problems.append(f"AOT cache flags without a cache: {entry}")
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=image.extractfile(layer)) as files:
            for name in files.getnames():
                if name.lstrip("./") in ("bin/sh", "bin/bash", "usr/bin/sh", "usr/bin/bash", "bin/busybox"):
                    problems.append(f"a shell: {name}")
            # A class directory on the class path makes the JDK refuse any AOT cache (Jib packaged mode).
            if any(n.lstrip("./").startswith("app/classes/") for n in files.getnames()):
                problems.append("a class directory /app/classes (the AOT cache needs the app as a jar)")
if problems:
    sys.exit(f"{path}: " + "; ".join(problems))
print(f"{path}: ok ({config['Entrypoint'][-1]}, user {config['User']}, {len(manifest['Layers'])} layers, no shell)")
PY
done
echo "images: checked in $(( $(date +%s) - t0 )) s"
