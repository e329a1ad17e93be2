#!/usr/bin/env bash
# The app modules, one per line (paths from the repository root): every module that gets a Jib image
# qinghai/<artifactId>. That is the gateway and each service with src/main/resources/application.yml (the root pom's
# app-image profile), plus the modules that list the Jib plugin in their own pom (identity-provider: the local
# OpenID Connect provider, not a Micronaut app). The launcher and the test modules are not apps.
# Used by ci-check.sh, charts/containers/stage.sh, charts/kind/kind-e2e.sh and the Makefile.
set -euo pipefail
cd "$(dirname "$0")/../.."
for m in gateway services/* */; do
  m="${m%/}"
  [ -f "$m/pom.xml" ] || continue
  if [ -f "$m/src/main/resources/application.yml" ] \
     || grep -q '<artifactId>jib-maven-plugin</artifactId>' "$m/pom.xml"; then
    echo "$m"
  fi
done | awk '!seen[$0]++'
