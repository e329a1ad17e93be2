#!/usr/bin/env bash
# The containers stage (CI, after verify): the chart's workloads as real containers on a private Docker engine.
#   1. a Docker daemon of its own (engine.sh: installs docker.io when missing; own data root and socket; stopped by
#      pid on exit, even on failure);
#   2. the Jib image tars of every app module (-Pimages-offline, built when missing) loaded; PostgreSQL built locally
#      (postgres-image.sh: Debian packages + the PostgreSQL 18.1 binaries from Maven Central);
#   3. charts/platform rendered by the real Helm CLI with charts/kind/values.yaml;
#   3a. the JDK AOT cache baked into every app image (Java 25 images; CONTAINERS_AOT=off skips it): run_chart.py
#      --aot-train runs the rendered chart once with each app JVM recording, sends the launcher's training requests
#      (AotTraining --exercise), creates each image's app.aot in a container of that image and commits it into the
#      image under the same name and tag (charts/containers/aot_images.py); the run below then uses the baked images
#      with -XX:AOTMode=on forced (a JVM that cannot map its cache fails the stage) and checks that a mismatched
#      cache falls back (the killed service started with another image's cache: healthy without it);
#   4. run_chart.py: every rendered StatefulSet, Job, Deployment and helm-test Pod run as rendered (the kind values
#      include the local OpenID Connect provider, auth.localProvider), then the e2e suite through the gateway
#      container, signing its department tokens with the provider's key from the rendered Secret and the issuer the
#      gateway trusts (PLATFORM_OIDC_SIGNING_KEY, PLATFORM_OIDC_ISSUER), kill-one-service -> 503 -> recovery,
#      docker stats.
# Environment: CONTAINERS_PORT_OFFSET (23000: the gateway on 127.0.0.1:31080), CONTAINERS_E2E (the e2e command),
# CONTAINERS_KILL (wage), CONTAINERS_HELM_ARGS (extra `helm template` arguments, e.g. "--set ..." to try a fault),
# CONTAINERS_AOT (on; off: no cache baked, the images run as loaded), CONTAINERS_SAVE_IMAGES (1: `docker save` each
# baked image to <module>/target/aot-image.tar, same name and tag, for an operator's registry or `kind load`),
# CONTAINERS_AOT_MEASURE (N: after the checks, start each baked Deployment alone N times with and without its cache;
# CONTAINERS_AOT_MEASURE_ONLY="gateway,wage" limits it to those).
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
images=()
for m in "${apps[@]}"; do
  loaded="$(docker load -q -i "$m/target/jib-image.tar" | sed -n 's/^Loaded image: //p')"
  echo "containers: loaded $loaded"
  images+=("$loaded")
  tag="${loaded##*:}"
done
"$here/postgres-image.sh" qinghai-local/postgres:18.1

helm="$(charts/cli/helm.sh)"
"$helm" template platform charts/platform --namespace qinghai -f charts/kind/values.yaml \
  --set image.tag="$tag" ${CONTAINERS_HELM_ARGS:-} > "$out/rendered.yaml"
echo "containers: setup (engine, images, render) in $(( $(date +%s) - t0 )) s"

aot=()
java_feature="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')"
if [ "${CONTAINERS_AOT:-on}" != off ] && [ "$java_feature" -ge 25 ]; then
  t1=$(date +%s)
  # The training requests are the launcher's own list (bin/platform trains with the same): its compiled classes.
  # Nine JVMs starting at once in record mode on a loaded 2-core machine: up to 15 min to be ready, as the launcher's.
  [ -s launcher/target/classes/cn/gov/qinghai/launcher/AotTraining.class ] \
    || ./mvnw -B -q -DskipTests -pl launcher -am compile
  rm -rf "$out/aot"
  mkdir -p "$out/aot"
  "$python" "$here/run_chart.py" --rendered "$out/rendered.yaml" \
    --port-offset "${CONTAINERS_PORT_OFFSET:-23000}" --local-postgres qinghai-local/postgres:18.1 \
    --aot-train "$out/aot" --ready-timeout 900 \
    --exercise "'${JAVA_HOME:+$JAVA_HOME/bin/}java' -cp launcher/target/classes cn.gov.qinghai.launcher.AotTraining --exercise {gateway} {health}"
  echo "containers: AOT caches trained and baked into the images in $(( $(date +%s) - t1 )) s"
  aot=(--aot-dir "$out/aot" --aot-check --aot-fallback "${CONTAINERS_KILL:-wage}"
       --aot-measure "${CONTAINERS_AOT_MEASURE:-0}" --aot-measure-only "${CONTAINERS_AOT_MEASURE_ONLY:-}")
  if [ "${CONTAINERS_SAVE_IMAGES:-0}" = 1 ]; then
    for i in "${!apps[@]}"; do
      # Only images the training baked (a workload the rendered chart runs; demo-data is off in the kind values).
      [ -n "$(docker image inspect --format '{{index .Config.Labels "cn.gov.qinghai.aot-cache"}}' "${images[$i]}")" ] \
        || continue
      docker save -o "${apps[$i]}/target/aot-image.tar" "${images[$i]}"
      echo "containers: saved ${images[$i]} ($(du -h "${apps[$i]}/target/aot-image.tar" | cut -f1)) to ${apps[$i]}/target/aot-image.tar"
    done
  fi
else
  echo "containers: no AOT cache baked (CONTAINERS_AOT=${CONTAINERS_AOT:-on}, Java $java_feature)"
fi

e2e="${CONTAINERS_E2E:-./mvnw -B -pl e2e-tests -am verify -Dtest='*E2eTest' -Dsurefire.failIfNoSpecifiedTests=false}"
"$python" "$here/run_chart.py" --rendered "$out/rendered.yaml" \
  --port-offset "${CONTAINERS_PORT_OFFSET:-23000}" --local-postgres qinghai-local/postgres:18.1 \
  --e2e "$e2e" --kill "${CONTAINERS_KILL:-wage}" \
  --probe-path '/api/v1/wage/minimum-wage?region=630100&date={date}' "${aot[@]+"${aot[@]}"}"
echo "containers stage: $(( $(date +%s) - t0 )) s in all"
