#!/usr/bin/env bash
# The kind path, start to finish: create a kind cluster, build the images with Jib into the local Docker engine,
# load them into the cluster, install charts/platform, wait, run `helm test`, run the e2e suite against the gateway
# on the host, and (with --down or KIND_DOWN=1) delete the cluster. Needs docker, kind >= 0.24, helm >= 3.12, kubectl.
#
#   charts/kind/kind-e2e.sh            # up + helm test + e2e; the cluster stays for you to explore
#   charts/kind/kind-e2e.sh --down     # ... then delete the cluster
#   charts/kind/kind-e2e.sh --only-down
#
# Environment: KIND_CLUSTER (qinghai), KIND_HOST_PORT (8080), NAMESPACE (qinghai), HELM_EXTRA_ARGS (e.g.
# "--set services.wage.replicas=2"), SKIP_BUILD=1 to reuse images,
# SKIP_E2E=1 to stop after helm test.
# Identity: by default the release runs its own local OpenID Connect provider (auth.localProvider in
# charts/kind/values.yaml, image identity-provider built like the others); the issuer is
# http://identity-provider:9190/qinghai and the e2e suite signs its tokens with the provider's key, read from the
# Secret identity-provider-key. To try your own IdP instead set PLATFORM_OIDC_ISSUER (reachable from the pods; the
# local provider is then off) and, for the e2e suite, PLATFORM_OIDC_SIGNING_KEY (a key that IdP publishes).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/bin/java-env"   # JDK 25 when installed: the build, jlink and the image base follow it
cluster="${KIND_CLUSTER:-qinghai}"
namespace="${NAMESPACE:-qinghai}"
host_port="${KIND_HOST_PORT:-8080}"
release=platform
down=0
case "${1:-}" in
  --down) down=1 ;;
  --only-down) kind delete cluster --name "$cluster"; exit 0 ;;
  "") ;;
  *) echo "usage: $0 [--down|--only-down]" >&2; exit 2 ;;
esac
[ "${KIND_DOWN:-0}" = 1 ] && down=1

say() { printf '\n== %s\n' "$*"; }
for tool in docker kind helm kubectl; do
  command -v "$tool" >/dev/null || { echo "$tool is required on PATH" >&2; exit 1; }
done
cleanup() { if [ "$down" = 1 ]; then say "deleting cluster $cluster"; kind delete cluster --name "$cluster"; fi; }
trap cleanup EXIT

# Every app module is an image (charts/images/apps.sh); the chart enables a subset by values.
mapfile -t modules < <("$root/charts/images/apps.sh")
version="$(cd "$root" && ./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout -N)"

say "cluster $cluster (gateway NodePort 30080 -> 127.0.0.1:$host_port)"
if ! kind get clusters | grep -qx "$cluster"; then
  mkdir -p "$root/target"
  sed -e "s/^name: .*/name: $cluster/" -e "s/hostPort: 8080/hostPort: $host_port/" \
    "$root/charts/kind/cluster.yaml" > "$root/target/kind-cluster.yaml"
  kind create cluster --config "$root/target/kind-cluster.yaml" --wait 120s
fi
kubectl config use-context "kind-$cluster" >/dev/null

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building images with Jib into the local Docker engine: ${modules[*]}"
  (cd "$root" && ./mvnw -B -q -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am package jib:dockerBuild)
fi
say "loading images into kind"
for m in "${modules[@]}"; do
  kind load docker-image --name "$cluster" "qinghai/$(basename "$m"):$version"
done

idp_args=()
if [ -n "${PLATFORM_OIDC_ISSUER:-}" ]; then
  issuer="$PLATFORM_OIDC_ISSUER"
  idp_args=(--set-string auth.issuer="$issuer" --set auth.localProvider.enabled=false)
else
  issuer="http://identity-provider:9190/qinghai"
fi
say "installing charts/platform as $release in namespace $namespace (issuer $issuer)"
# shellcheck disable=SC2086
helm upgrade --install "$release" "$root/charts/platform" --namespace "$namespace" --create-namespace \
  -f "$root/charts/kind/values.yaml" --set image.tag="$version" "${idp_args[@]}" \
  --wait --timeout 10m ${HELM_EXTRA_ARGS:-}
kubectl -n "$namespace" get pods -o wide

say "helm test"
helm test "$release" --namespace "$namespace" --logs --timeout 5m

say "waiting for the gateway on http://localhost:$host_port"
for _ in $(seq 1 60); do
  curl -fsS "http://localhost:$host_port/health" >/dev/null 2>&1 && break
  sleep 2
done
curl -fsS "http://localhost:$host_port/health"; echo

if [ "${SKIP_E2E:-0}" != 1 ]; then
  say "e2e suite against the cluster"
  signing_key="${PLATFORM_OIDC_SIGNING_KEY:-}"
  if [ -z "$signing_key" ]; then
    # the local provider's key (the e2e suite signs its own department tokens with it; see docs/identity.md)
    signing_key="$(kubectl -n "$namespace" get secret identity-provider-key -o jsonpath='{.data.signing-key\.pem}' \
      | base64 -d)"
  fi
  # Upstream modules installed without their tests, then the e2e module's own tests against the cluster.
  (cd "$root" && ./mvnw -B -q -DskipTests -pl e2e-tests -am install \
     && PLATFORM_URL="http://localhost:$host_port" PLATFORM_OIDC_ISSUER="$issuer" \
        PLATFORM_OIDC_SIGNING_KEY="$signing_key" ./mvnw -B verify -pl e2e-tests)
fi
say "done: gateway at http://localhost:$host_port  (delete with: $0 --only-down)"
