#!/usr/bin/env bash
# The containers stage (CI, after verify): the chart's workloads as real containers on a private Docker engine.
#   1. a Docker daemon of its own (engine.sh: installs docker.io when missing; own data root and socket; stopped by
#      pid on exit, even on failure);
#   2. the Jib image tars of every app module (-Pimages-offline, built when missing) loaded; PostgreSQL built locally
#      (postgres-image.sh: Debian packages + the PostgreSQL 18.1 binaries from Maven Central);
#   3. charts/platform rendered by the real Helm CLI with charts/kind/values.yaml;
#   4. run_chart.py: every rendered StatefulSet, Job, Deployment and helm-test Pod run as rendered (the kind values
#      include the local OpenID Connect provider, auth.localProvider), then the e2e suite through the gateway
#      container, signing its department tokens with the provider's key from the rendered Secret and the issuer the
#      gateway trusts (PLATFORM_OIDC_SIGNING_KEY, PLATFORM_OIDC_ISSUER), kill-one-service -> 503 -> recovery,
#      docker stats.
# Environment: CONTAINERS_PORT_OFFSET (23000: the gateway on 127.0.0.1:31080), CONTAINERS_E2E (the e2e command),
# CONTAINERS_KILL (wage), CONTAINERS_HELM_ARGS (extra `helm template` arguments, e.g. "--set ..." to try a fault).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/bin/java-env"   # JDK 25 when installed: the build, jlink and the image base follow it
cd "$root"
t0=$(date +%s)
here="$root/charts/containers"
out="$root/target/containers"
mkdir -p "$out"

python=python3
if ! "$python" -c 'import yaml' 2>/dev/null; then
  python=/usr/bin/python3
  "$python" -c 'import yaml' 2>/dev/null \
    || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-yaml >/dev/null; }
fi

source "$here/engine.sh"
docker info --format 'engine: {{.ServerVersion}}, storage {{.Driver}}, cgroup {{.CgroupVersion}}'

mapfile -t apps < <(charts/images/apps.sh)
missing=()
for m in "${apps[@]}"; do [ -s "$m/target/jib-image.tar" ] || missing+=("$m"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "containers: building image tars for ${missing[*]}"
  ./mvnw -B -q -DskipTests -Pimages-offline -pl "$(IFS=,; echo "${missing[*]}")" -am package
fi
tag=""
for m in "${apps[@]}"; do
  loaded="$(docker load -q -i "$m/target/jib-image.tar" | sed -n 's/^Loaded image: //p')"
  echo "containers: loaded $loaded"
  tag="${loaded##*:}"
done
"$here/postgres-image.sh" qinghai-local/postgres:18.1

helm="$(charts/cli/helm.sh)"
"$helm" template platform charts/platform --namespace qinghai -f charts/kind/values.yaml \
  --set image.tag="$tag" ${CONTAINERS_HELM_ARGS:-} > "$out/rendered.yaml"
echo "containers: setup (engine, images, render) in $(( $(date +%s) - t0 )) s"

e2e="${CONTAINERS_E2E:-./mvnw -B -pl e2e-tests -am verify -Dtest='*E2eTest' -Dsurefire.failIfNoSpecifiedTests=false}"
"$python" "$here/run_chart.py" --rendered "$out/rendered.yaml" \
  --port-offset "${CONTAINERS_PORT_OFFSET:-23000}" --local-postgres qinghai-local/postgres:18.1 \
  --e2e "$e2e" --kill "${CONTAINERS_KILL:-wage}" \
  --probe-path '/api/v1/wage/minimum-wage?region=630100&date={date}'
echo "containers stage: $(( $(date +%s) - t0 )) s in all"
