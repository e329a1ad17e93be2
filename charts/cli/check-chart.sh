#!/usr/bin/env bash
# CI: the real Helm CLI (charts/cli/helm.sh, pinned v3.18.0) checks charts/platform for every values file operators
# install with: `helm lint --strict` and `helm template`. The rendered manifests are kept in target/helm-cli/ for the
# containers stage and for a human. (Schema validation of every rendered object against the Kubernetes 1.32 API runs
# in the build: charts-tests KubernetesSchemaTest.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
helm="$(charts/cli/helm.sh)"
out="$root/target/helm-cli"
mkdir -p "$out"
t0=$(date +%s)
files=("" charts/kind/values.yaml charts/platform/ci/*.yaml)
for f in "${files[@]}"; do
  label="${f:-default}"
  args=()
  [ -n "$f" ] && args=(-f "$f")
  "$helm" lint --strict charts/platform "${args[@]}" >"$out/lint.log" 2>&1 \
    || { cat "$out/lint.log"; echo "helm lint --strict failed for $label" >&2; exit 1; }
  name="$(echo "${f:-default.yaml}" | tr / _)"
  "$helm" template platform charts/platform --namespace qinghai "${args[@]}" >"$out/$name" \
    || { echo "helm template failed for $label" >&2; exit 1; }
  echo "helm $("$helm" version --template '{{.Version}}'): lint --strict + template ok for $label ($(grep -c '^kind:' "$out/$name") objects)"
done
echo "helm CLI checks: ${#files[@]} values files in $(( $(date +%s) - t0 )) s"
