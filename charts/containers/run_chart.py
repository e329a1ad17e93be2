#!/usr/bin/env python3
"""Runs a rendered chart (`helm template` output) as real containers on a Docker engine, as rendered.

Generic over what the chart renders: every StatefulSet, Job, Deployment and `helm test` Pod is started from its pod
spec (image, command/args, env with ConfigMap/Secret references resolved from the rendered objects, ports, user and
group, read-only root file system, capabilities, no privilege escalation, memory/CPU limits, emptyDir/ConfigMap/
Secret/claim volumes) on one Docker network whose aliases are the names of the Services selecting each pod, so
`wage:9181` resolves as in the cluster. Readiness comes from the rendered probes (gRPC health, HTTP GET, exec, TCP).
Whatever of the rendered spec has no Docker equivalent is listed, never silently dropped.

Phases: StatefulSets (ready) -> Jobs (completed) -> Deployments (all started at once, each ready) -> `helm test` pods
(exit 0) -> the given checks (e2e command, kill-one-service fault) -> `docker stats`. Every wait has a timeout; a
container that exits or never becomes ready fails the run with its last log lines. Containers, network and volumes
are removed at the end, on success or failure.

  run_chart.py --rendered target/helm-cli/charts_kind_values.yaml --port-offset 23000 \
      --e2e './mvnw -B -pl e2e-tests -am verify ...' --kill wage --probe-path '/api/v1/wage/...'
"""
import argparse
import base64
import datetime
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import yaml

from aot_images import AotImages

DOCKER = os.environ.get("DOCKER", "docker")
# Images no registry can give us here, replaced by the locally built PostgreSQL + tools image (postgres-image.sh):
# name prefix -> entrypoint to use in the local image (None: keep the local image's own entrypoint).
SUBSTITUTES = {"postgres": None, "curlimages/curl": ["curl"]}

# What of a pod spec / container this runner maps to Docker; any other field is listed as not mapped.
POD_FIELDS = {"containers", "initContainers", "volumes", "securityContext", "restartPolicy",
              "automountServiceAccountToken"}
POD_SECURITY_FIELDS = {"runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "seccompProfile"}
CONTAINER_FIELDS = {"name", "image", "command", "args", "env", "envFrom", "ports", "resources", "securityContext",
                    "volumeMounts", "startupProbe", "readinessProbe", "workingDir"}
CONTAINER_SECURITY_FIELDS = {"runAsUser", "runAsGroup", "runAsNonRoot", "allowPrivilegeEscalation",
                             "readOnlyRootFilesystem", "privileged", "capabilities", "seccompProfile"}
# Objects that need a cluster (API server, scheduler, controllers, CNI): listed as not run here.
CLUSTER_ONLY = {"NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceAccount", "Role",
                "RoleBinding", "Ingress", "Cluster"}
GRPC_HEALTH_CHECK = b"\x00\x00\x00\x00\x00"  # an empty grpc.health.v1.HealthCheckRequest, uncompressed
GRPC_SERVING = b"\x00\x00\x00\x00\x02\x08\x01"  # HealthCheckResponse{status: SERVING}


class StageFailure(Exception):
    pass


def log(msg):
    print(f"containers: {msg}", flush=True)


def docker(*args, check=True, timeout=120, input_bytes=None):
    try:
        r = subprocess.run([DOCKER, *args], capture_output=True, timeout=timeout, input=input_bytes)
    except subprocess.TimeoutExpired:
        raise StageFailure(f"docker {' '.join(args[:3])} did not return within {timeout} s")
    if check and r.returncode != 0:
        raise StageFailure(f"docker {' '.join(args[:4])}: {r.stderr.decode(errors='replace').strip()}")
    return r


def quantity_bytes(q):
    units = {"Ki": 1024, "Mi": 1024 ** 2, "Gi": 1024 ** 3, "K": 1000, "M": 1000 ** 2, "G": 1000 ** 3}
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]i?)?", str(q))
    if not m:
        raise StageFailure(f"cannot read the quantity {q!r}")
    return int(float(m.group(1)) * units.get(m.group(2) or "", 1))


def quantity_cpus(q):
    q = str(q)
    return float(q[:-1]) / 1000 if q.endswith("m") else float(q)


class Chart:
    """The rendered objects, indexed for resolving references."""

    def __init__(self, path):
        with open(path) as f:
            self.objects = [o for o in yaml.safe_load_all(f) if isinstance(o, dict) and o.get("kind")]
        self.secrets = {}
        for o in self.of_kind("Secret"):
            data = {k: base64.b64decode(v).decode() for k, v in (o.get("data") or {}).items()}
            data.update(o.get("stringData") or {})
            self.secrets[o["metadata"]["name"]] = data
        self.config_maps = {o["metadata"]["name"]: dict(o.get("data") or {}) for o in self.of_kind("ConfigMap")}

    def of_kind(self, kind):
        return [o for o in self.objects if o["kind"] == kind]

    def services_selecting(self, labels):
        return [s for s in self.of_kind("Service")
                if s.get("spec", {}).get("selector")
                and all(labels.get(k) == v for k, v in s["spec"]["selector"].items())]


class Workload:
    """One pod of a rendered workload, run as one container per pod container."""

    def __init__(self, stage, kind, obj, spec, labels, claims=()):
        self.stage, self.kind, self.obj, self.spec, self.labels = stage, kind, obj, spec, labels
        self.name = obj["metadata"]["name"]
        self.claims = {c["metadata"]["name"] for c in claims}
        self.containers = []  # docker container names
        self.started_at = None
        self.ready_after = None
        self.first_ready = None  # kept when the fault check restarts the workload
        self.services = stage.chart.services_selecting(labels)
        self.pod = f"{stage.prefix}-{self.name}-pod"  # holds the pod's network namespace, as Kubernetes' pause does
        self.publish = []

    @property
    def id(self):
        return f"{self.kind}/{self.name}"

    def container_name(self, container):
        base = self.name if len(self.spec["containers"]) == 1 else f"{self.name}-{container['name']}"
        return f"{self.stage.prefix}-{base}"

    # --- the mapping, pod spec -> docker run arguments -------------------------------------------------------------

    def run_args(self, container):
        stage, chart = self.stage, self.stage.chart
        pod_sc = self.spec.get("securityContext") or {}
        sc = container.get("securityContext") or {}
        args = ["run", "-d", "--name", self.container_name(container), "--network", f"container:{self.pod}"]
        uid = sc.get("runAsUser", pod_sc.get("runAsUser"))
        gid = sc.get("runAsGroup", pod_sc.get("runAsGroup"))
        if sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) and (uid is None or int(uid) == 0):
            raise StageFailure(f"{self.id}: runAsNonRoot with user {uid!r}: Kubernetes would refuse to start it")
        if uid is not None:
            args += ["--user", f"{uid}:{gid}" if gid is not None else str(uid)]
        if pod_sc.get("fsGroup") is not None:
            args += ["--group-add", str(pod_sc["fsGroup"])]
        if sc.get("readOnlyRootFilesystem"):
            args.append("--read-only")
        if sc.get("privileged"):
            args.append("--privileged")
        if sc.get("allowPrivilegeEscalation") is False:
            args += ["--security-opt", "no-new-privileges"]
        caps = sc.get("capabilities") or {}
        for cap in caps.get("drop") or []:
            args += ["--cap-drop", cap]
        for cap in caps.get("add") or []:
            args += ["--cap-add", cap]
        for profile in (pod_sc.get("seccompProfile"), sc.get("seccompProfile")):
            if profile and profile.get("type") not in ("RuntimeDefault", None):
                stage.unmapped(self.id, f"seccompProfile {profile}: only RuntimeDefault (Docker's default) maps")
        limits = (container.get("resources") or {}).get("limits") or {}
        requests = (container.get("resources") or {}).get("requests") or {}
        if "memory" in limits:
            args += ["--memory", str(quantity_bytes(limits["memory"]))]
        if "cpu" in limits:
            args += ["--cpus", str(quantity_cpus(limits["cpu"]))]
        if "memory" in requests:
            args += ["--memory-reservation", str(quantity_bytes(requests["memory"]))]
        if "cpu" in requests:
            args += ["--cpu-shares", str(max(2, int(quantity_cpus(requests["cpu"]) * 1024)))]
        for k in set(limits) | set(requests):
            if k not in ("memory", "cpu"):
                stage.unmapped(self.id, f"resources.{k}")
        for name, value in self.env(container).items():
            args += ["--env", f"{name}={value}"]
        ports = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}
        for svc in self.services:
            for sp in svc["spec"].get("ports") or []:
                target = sp.get("targetPort", sp["port"])
                target = ports.get(target, target) if isinstance(target, str) else target
                if target != sp["port"]:
                    stage.unmapped(self.id, f"Service {svc['metadata']['name']} port {sp['port']} -> {target}: "
                                            "a network alias keeps the container's port")
                if svc["spec"].get("type") in ("NodePort", "LoadBalancer"):
                    stage.unmapped(f"Service/{svc['metadata']['name']}",
                                   f"Service type {svc['spec']['type']}: published on 127.0.0.1:<offset + port>")
                    host_port = stage.offset + int(sp["port"])
                    if f"127.0.0.1:{host_port}:{target}" not in self.publish:
                        self.publish.append(f"127.0.0.1:{host_port}:{target}")
                    stage.published[svc["metadata"]["name"]] = f"http://127.0.0.1:{host_port}"
        args += self.volume_args(container)
        if container.get("workingDir"):
            args += ["--workdir", container["workingDir"]]
        for field in sorted(set(container) - CONTAINER_FIELDS):
            if field == "livenessProbe":
                stage.unmapped(self.id, "livenessProbe: checked once after the journeys, no restart on failure")
            elif field == "imagePullPolicy":
                stage.unmapped(self.id, f"imagePullPolicy {container[field]}: images are loaded, never pulled")
            else:
                stage.unmapped(self.id, f"container field {field}")
        for field in sorted(set(sc) - CONTAINER_SECURITY_FIELDS):
            stage.unmapped(self.id, f"securityContext.{field}")
        image, entrypoint = stage.image_for(self.id, container["image"])
        command = container.get("command")
        if stage.aot and not command:  # the AOT cache's training, check or fallback (aot_images.py)
            memory = quantity_bytes(limits["memory"]) if "memory" in limits else 0
            extra, aot_entrypoint = stage.aot.run_args(self.container_name(container), image, memory)
            args += extra
            entrypoint = aot_entrypoint or entrypoint
        if command:
            args += ["--entrypoint", command[0], image, *command[1:], *(container.get("args") or [])]
        elif entrypoint:
            args += ["--entrypoint", entrypoint[0], image, *entrypoint[1:], *(container.get("args") or [])]
        else:
            args += [image, *(container.get("args") or [])]
        return args

    def env(self, container):
        chart, env = self.stage.chart, {}
        for source in container.get("envFrom") or []:
            prefix = source.get("prefix", "")
            if "configMapRef" in source:
                env.update({prefix + k: v for k, v in self.lookup(chart.config_maps, "ConfigMap",
                                                                  source["configMapRef"]["name"]).items()})
            elif "secretRef" in source:
                env.update({prefix + k: v for k, v in self.lookup(chart.secrets, "Secret",
                                                                  source["secretRef"]["name"]).items()})
        for e in container.get("env") or []:
            if "value" in e:
                env[e["name"]] = str(e["value"])
            elif "valueFrom" in e:
                ref = e["valueFrom"]
                if "secretKeyRef" in ref:
                    env[e["name"]] = self.key(chart.secrets, "Secret", ref["secretKeyRef"])
                elif "configMapKeyRef" in ref:
                    env[e["name"]] = self.key(chart.config_maps, "ConfigMap", ref["configMapKeyRef"])
                else:
                    self.stage.unmapped(self.id, f"env {e['name']} valueFrom {sorted(ref)} (needs the API server)")
            else:
                env[e["name"]] = ""
        return env

    def lookup(self, index, kind, name):
        if name not in index:
            raise StageFailure(f"{self.id}: {kind} {name} is not rendered by the chart (pod would not start)")
        return index[name]

    def key(self, index, kind, ref):
        data = self.lookup(index, kind, ref["name"]) if not ref.get("optional") else index.get(ref["name"], {})
        if ref["key"] not in data and not ref.get("optional"):
            raise StageFailure(f"{self.id}: {kind} {ref['name']} has no key {ref['key']}")
        return data.get(ref["key"], "")

    def mounted_file(self, container, path):
        """The content a container sees at `path`, when a Secret or ConfigMap volume puts it there."""
        volumes = {v["name"]: v for v in self.spec.get("volumes") or []}
        for mount in container.get("volumeMounts") or []:
            folder = mount["mountPath"].rstrip("/") + "/"
            volume = volumes.get(mount["name"]) or {}
            if not path.startswith(folder) or not ("secret" in volume or "configMap" in volume):
                continue
            kind = "Secret" if "secret" in volume else "ConfigMap"
            ref = volume.get("secret") or volume.get("configMap")
            data = self.lookup(self.stage.chart.secrets if kind == "Secret" else self.stage.chart.config_maps, kind,
                               ref.get("secretName") or ref.get("name"))
            items = ref.get("items") or [{"key": k, "path": k} for k in data]
            for item in items:
                if folder + item["path"] == path:
                    return data[item["key"]]
        raise StageFailure(f"{self.id}: no Secret or ConfigMap volume puts a file at {path}")

    def volume_args(self, container):
        stage, args = self.stage, []
        volumes = {v["name"]: v for v in self.spec.get("volumes") or []}
        for mount in container.get("volumeMounts") or []:
            name, path = mount["name"], mount["mountPath"]
            ro = ",readonly" if mount.get("readOnly") else ""
            for extra in set(mount) - {"name", "mountPath", "readOnly"}:
                stage.unmapped(self.id, f"volumeMount {name}.{extra}")
            if name in self.claims:
                stage.unmapped(self.id, f"volumeClaimTemplate {name}: a Docker volume (no StorageClass, size not "
                                        "enforced)")
                args += ["--mount", f"type=volume,source={stage.prefix}-{name}-{self.name}-0,destination={path}{ro}"]
                continue
            volume = volumes.get(name)
            if volume is None:
                raise StageFailure(f"{self.id}: volumeMount {name} names no volume")
            if "emptyDir" in volume:
                size = (volume["emptyDir"] or {}).get("sizeLimit")
                opts = f"type=tmpfs,destination={path},tmpfs-mode=1777" + (
                    f",tmpfs-size={quantity_bytes(size)}" if size else "")
                args += ["--mount", opts]
            elif "configMap" in volume or "secret" in volume:
                kind = "ConfigMap" if "configMap" in volume else "Secret"
                ref = volume.get("configMap") or volume.get("secret")
                ref_name = ref.get("name") or ref.get("secretName")
                data = self.lookup(stage.chart.config_maps if kind == "ConfigMap" else stage.chart.secrets,
                                   kind, ref_name)
                folder = tempfile.mkdtemp(prefix=f"{name}-", dir=stage.files)
                os.chmod(folder, 0o755)
                items = ref.get("items") or [{"key": k, "path": k} for k in data]
                for item in items:
                    target = os.path.join(folder, item["path"])
                    with open(target, "w") as f:
                        f.write(data[item["key"]])
                    os.chmod(target, ref.get("defaultMode", 0o644) & 0o777 | 0o444)
                args += ["--mount", f"type=bind,source={folder},destination={path},readonly"]
            elif "persistentVolumeClaim" in volume:
                claim = volume["persistentVolumeClaim"]["claimName"]
                args += ["--mount", f"type=volume,source={stage.prefix}-{claim},destination={path}{ro}"]
            else:
                stage.unmapped(self.id, f"volume {name} {sorted(volume)} (not mounted)")
        return args

    # --- running and waiting -----------------------------------------------------------------------------------------

    def start(self):
        for field in sorted(set(self.spec) - POD_FIELDS - {"serviceAccountName"}):
            self.stage.unmapped(self.id, f"pod field {field}")
        for field in sorted(set(self.spec.get("securityContext") or {}) - POD_SECURITY_FIELDS):
            self.stage.unmapped(self.id, f"pod securityContext.{field}")
        if self.spec.get("serviceAccountName"):
            self.stage.unmapped(self.id, "serviceAccountName: no API server, no token (the chart mounts none either)")
        for init in self.spec.get("initContainers") or []:
            self.run_to_completion(init, timeout=300, retries=0)
        self.started_at = time.monotonic()
        app_args = [self.run_args(c) for c in self.spec["containers"]]
        self.start_pod()
        for c, args in zip(self.spec["containers"], app_args):
            docker(*args)
            self.containers.append(self.container_name(c))

    def start_pod(self):
        """The pod's sandbox: a do-nothing container that owns the network namespace (IP, Service-name aliases,
        published ports), which the pod's containers join. As in Kubernetes, a crashed or killed container leaves
        the pod's address in place, so callers get 'connection refused' at once rather than a vanished host."""
        if docker("inspect", self.pod, check=False).returncode == 0:
            return
        args = ["run", "-d", "--name", self.pod, "--network", self.stage.network, "--hostname", self.name,
                "--user", "65532:65532", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--memory", str(16 * 1024 * 1024)]
        for svc in self.services:
            args += ["--network-alias", svc["metadata"]["name"]]
        for p in self.publish:
            args += ["--publish", p]
        docker(*args, "--entrypoint", "sleep", self.stage.local_postgres, "infinity")

    def restart(self):
        self.first_ready = self.first_ready or self.ready_after
        for name in self.containers:
            docker("start", name)
        self.started_at = time.monotonic()
        self.ready_after = None

    def run_to_completion(self, container, timeout, retries):
        name = self.container_name(container)
        deadline = time.monotonic() + timeout
        for attempt in range(retries + 1):
            docker("rm", "-f", name, check=False)
            self.started_at = self.started_at or time.monotonic()
            args = self.run_args(container)
            self.start_pod()
            docker(*args)
            self.containers = [name]
            left = max(1, int(deadline - time.monotonic()))
            r = docker("wait", name, check=False, timeout=left + 5)
            code = r.stdout.decode().strip()
            if r.returncode == 0 and code == "0":
                self.ready_after = time.monotonic() - self.started_at
                log(f"{self.id}: completed in {self.ready_after:.1f} s")
                return
            if time.monotonic() >= deadline:
                break
            log(f"{self.id}: attempt {attempt + 1} exited {code or 'late'}; retrying")
            time.sleep(2)
        self.stage.fail_with_logs(name, f"{self.id} did not complete (exit {code or 'timeout'})")

    def ip(self, container_name):
        r = docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", self.pod)
        return r.stdout.decode().strip()

    def running(self, container_name):
        r = docker("inspect", "-f", "{{.State.Running}} {{.State.ExitCode}}", container_name)
        state, code = r.stdout.decode().split()
        return state == "true", code

    def probe(self, container, probe):
        """One probe attempt, as the kubelet would make it; True when it passes."""
        name = self.container_name(container)
        timeout = probe.get("timeoutSeconds", 1)
        ports = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}

        def port_of(p):
            return ports[p] if isinstance(p, str) else int(p)
        try:
            if "exec" in probe:
                return docker("exec", name, *probe["exec"]["command"], check=False,
                              timeout=timeout + 5).returncode == 0
            if "httpGet" in probe:
                g = probe["httpGet"]
                url = f"http://{self.ip(name)}:{port_of(g['port'])}{g.get('path', '/')}"
                with urllib.request.urlopen(url, timeout=timeout) as r:
                    return 200 <= r.status < 400
            if "tcpSocket" in probe:
                with socket.create_connection((self.ip(name), port_of(probe["tcpSocket"]["port"])), timeout):
                    return True
            if "grpc" in probe:
                return grpc_health(self.ip(name), port_of(probe["grpc"]["port"]),
                                   probe["grpc"].get("service", ""), timeout)
        except (OSError, urllib.error.URLError, StageFailure):
            return False
        self.stage.unmapped(self.id, f"probe {sorted(probe)}")
        return True

    def begin_wait(self):
        """The rendered startup budget (period x failureThreshold) is what the kubelet allows before it restarts the
        container; on a loaded machine the stage waits past it up to --ready-timeout and reports the overrun."""
        self.pending = {c["name"]: c for c in self.spec["containers"]}
        self.budget = 0
        for c in self.pending.values():
            sp = c.get("startupProbe") or c.get("readinessProbe") or {}
            self.budget = max(self.budget, sp.get("initialDelaySeconds", 0)
                              + sp.get("periodSeconds", 10) * sp.get("failureThreshold", 3))
        self.deadline = self.started_at + max(self.budget, self.stage.ready_timeout)

    def poll(self):
        """One round of probes (startup, then readiness); True once every container passed both."""
        for cname, c in list(self.pending.items()):
            name = self.container_name(c)
            running, code = self.running(name)
            if not running:
                self.stage.fail_with_logs(name, f"{self.id}: container {cname} exited ({code}) before ready")
            checks = [p for p in (c.get("startupProbe"), c.get("readinessProbe")) if p]
            if all(self.probe(c, p) for p in checks):
                del self.pending[cname]
        if not self.pending:
            self.ready_after = time.monotonic() - self.started_at
            if self.budget and self.ready_after > self.budget:
                self.stage.overruns.append(f"{self.id}: ready after {self.ready_after:.0f} s, past its startup "
                                           f"probe budget of {self.budget} s (a kubelet would have restarted it)")
            return True
        if time.monotonic() > self.deadline:
            self.stage.fail_with_logs(self.container_name(next(iter(self.pending.values()))),
                                      f"{self.id}: not ready within {self.deadline - self.started_at:.0f} s")
        return False

    def wait_ready(self, period=0.5):
        self.begin_wait()
        while not self.poll():
            time.sleep(period)
        return self.ready_after

    def replace(self, period=0.5):
        """The pod's (first) container removed and run again as run_args now says; seconds until ready."""
        c = self.spec["containers"][0]
        name = self.container_name(c)
        docker("rm", "-f", name)
        if name in self.containers:
            self.containers.remove(name)
        args = self.run_args(c)
        self.started_at = time.monotonic()
        docker(*args)
        self.containers.append(name)
        return self.wait_ready(period)

    def alive(self):
        """The liveness probes, once."""
        return all(self.probe(c, c["livenessProbe"]) for c in self.spec["containers"] if c.get("livenessProbe"))


def grpc_health(ip, port, service, timeout):
    """grpc.health.v1.Health/Check over HTTP/2 cleartext with curl (the call the kubelet's gRPC probe makes)."""
    request = GRPC_HEALTH_CHECK
    if service:
        body = b"\x0a" + bytes([len(service)]) + service.encode()
        request = b"\x00" + len(body).to_bytes(4, "big") + body
    r = subprocess.run(["curl", "--silent", "--http2-prior-knowledge", "--max-time", str(timeout + 1),
                        "-H", "content-type: application/grpc", "-H", "te: trailers", "--data-binary", "@-",
                        f"http://{ip}:{port}/grpc.health.v1.Health/Check"],
                       input=request, capture_output=True, timeout=timeout + 5)
    return r.returncode == 0 and r.stdout == GRPC_SERVING


class Stage:
    def __init__(self, args):
        self.chart = Chart(args.rendered)
        self.offset = args.port_offset
        self.prefix = f"qh{os.getpid()}"
        self.network = f"{self.prefix}-net"
        self.files = tempfile.mkdtemp(prefix="qh-stage-files-")
        os.chmod(self.files, 0o755)
        self.published = {}
        self.not_mapped = {}
        self.workloads = []
        self.local_images = set()
        self.local_postgres = args.local_postgres
        self.ready_timeout = args.ready_timeout
        self.overruns = []
        self.aot = None
        if args.aot_train or args.aot_dir:
            self.aot = AotImages(docker, StageFailure, log, args.aot_train or args.aot_dir,
                                 "train" if args.aot_train else "check" if args.aot_check else "use", self.prefix)

    def unmapped(self, owner, what):
        self.not_mapped.setdefault(what, set()).add(owner)

    def image_for(self, owner, image):
        if not self.local_images:
            r = docker("images", "--format", "{{.Repository}}:{{.Tag}}")
            self.local_images = set(r.stdout.decode().split())
        if image in self.local_images:
            return image, None
        for prefix, entrypoint in SUBSTITUTES.items():
            if image.split(":")[0] == prefix:
                self.unmapped(owner, f"image {image} (no registry): ran as {self.local_postgres}"
                                     + (f" with entrypoint {entrypoint}" if entrypoint else ""))
                return self.local_postgres, entrypoint
        raise StageFailure(f"{owner}: image {image} is not on the engine (load or build it first)")

    def fail_with_logs(self, container, message):
        r = docker("logs", "--tail", "40", container, check=False)
        out = (r.stdout + r.stderr).decode(errors="replace")
        raise StageFailure(f"{message}\n--- last log lines of {container} ---\n{out}--- end of {container} ---")

    def up(self):
        docker("network", "create", self.network)
        for o in self.chart.objects:
            if o["kind"] in CLUSTER_ONLY:
                self.unmapped(f"{o['kind']}/{o['metadata']['name']}", f"{o['kind']} objects (need a cluster)")
            if o["kind"] in ("Deployment", "StatefulSet") and o["spec"].get("replicas", 1) > 1:
                self.unmapped(f"{o['kind']}/{o['metadata']['name']}", "replicas > 1 (one container each here)")
        t0 = time.monotonic()
        for sts in self.chart.of_kind("StatefulSet"):
            w = self.add("StatefulSet", sts, sts["spec"]["template"], sts["spec"].get("volumeClaimTemplates") or [])
            w.start()
            log(f"{w.id}: ready in {w.wait_ready():.1f} s")
        for job in self.chart.of_kind("Job"):
            w = self.add("Job", job, job["spec"]["template"])
            timeout = job["spec"].get("activeDeadlineSeconds", 300)
            retries = job["spec"].get("backoffLimit", 6) if w.spec.get("restartPolicy") == "OnFailure" else 0
            w.run_to_completion(w.spec["containers"][0], timeout=timeout, retries=min(retries, 10))
        deployments = [self.add("Deployment", d, d["spec"]["template"]) for d in self.chart.of_kind("Deployment")]
        for w in deployments:
            w.start()
        for w in deployments:
            w.begin_wait()
        pending = list(deployments)
        while pending:
            for w in list(pending):
                if w.poll():
                    pending.remove(w)
                    log(f"{w.id}: ready {w.ready_after:.1f} s after start")
            time.sleep(0.5)
        log(f"all {len(self.workloads)} workloads up in {time.monotonic() - t0:.1f} s")

    def add(self, kind, obj, template, claims=()):
        w = Workload(self, kind, obj, template["spec"], (template.get("metadata") or {}).get("labels") or {}, claims)
        self.workloads.append(w)
        return w

    def helm_tests(self):
        tests = [p for p in self.chart.of_kind("Pod")
                 if (p["metadata"].get("annotations") or {}).get("helm.sh/hook") == "test"]
        for pod in tests:
            w = self.add("Pod", pod, {"spec": pod["spec"], "metadata": pod["metadata"]})
            w.run_to_completion(w.spec["containers"][0], timeout=120, retries=0)
        log(f"helm test: {len(tests)} test pods passed")
        return len(tests)

    def token_signing(self, gateway_name):
        """What the e2e suite signs its department tokens with (PLATFORM_OIDC_ISSUER, PLATFORM_OIDC_SIGNING_KEY):
        the issuer the gateway trusts, as rendered, and the signing key of the release's local OpenID Connect provider
        (auth.localProvider), read from the Secret mounted into it. Tokens fetched from the provider through a
        published port would carry another `iss` (mock-oauth2-server names the issuer after the Host it is called
        by), so the suite signs with the provider's own key and the in-cluster issuer, and the gateway and services
        verify them against the provider's JWKS like any token."""
        gw = self.deployment(gateway_name)
        issuer = gw.env(gw.spec["containers"][0]).get("QH_OIDC_ISSUER", "")
        if not issuer:
            raise StageFailure(f"Deployment/{gateway_name} has no QH_OIDC_ISSUER: set auth.issuer or "
                               "auth.localProvider.enabled")
        for w in self.workloads:
            if w.kind != "Deployment":
                continue
            for c in w.spec["containers"]:
                key_file = w.env(c).get("QH_IDP_SIGNING_KEY_FILE")
                if key_file:
                    return issuer, w.mounted_file(c, key_file)
        raise StageFailure(f"the gateway trusts {issuer}, but the release runs no local identity provider whose "
                           "key could sign the e2e suite's tokens: enable auth.localProvider, or set "
                           "PLATFORM_OIDC_ISSUER and PLATFORM_OIDC_SIGNING_KEY for that issuer")

    def deployment(self, name):
        for w in self.workloads:
            if w.kind == "Deployment" and w.name == name:
                return w
        raise StageFailure(f"no rendered Deployment {name}")

    def kill_and_recover(self, name, url_template):
        """Kill one service's container: the gateway answers 503 within a second; start it: it answers again.
        `{date}` in the URL is a fresh date each time: the gateway keeps recent look-up answers for a moment, and
        the question must need the service."""
        w = self.deployment(name)
        day = iter(random.sample(range(3000), 100))

        def status():
            url = url_template.replace("{date}", str(datetime.date(2018, 1, 1) + datetime.timedelta(next(day))))
            t = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=10) as r:
                    code = r.status
            except urllib.error.HTTPError as e:
                code = e.code
            return code, time.monotonic() - t
        code, _ = status()
        if code != 200:
            raise StageFailure(f"before the fault {url} answered {code}")
        docker("kill", *w.containers)
        killed = time.monotonic()
        code, took = status()
        after = time.monotonic() - killed
        log(f"fault: {name} killed; gateway answered {code} after {after:.2f} s")
        if code != 503 or after > 1.0:
            raise StageFailure(f"{name} killed: expected 503 within 1 s, got {code} after {after:.2f} s")
        w.restart()
        ready = w.wait_ready()
        deadline = time.monotonic() + 60
        while (code := status()[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        log(f"fault: {name} started again, ready in {ready:.1f} s; gateway answered {code} "
            f"{time.monotonic() - w.started_at:.1f} s after the start")
        if code != 200:
            raise StageFailure(f"{name} restarted: the gateway still answers {code} after 60 s")

    def aot_exercise(self, command, gateway):
        """The training requests (the launcher's list, AotTraining --exercise) against the gateway container, with
        the /health URL of every container that records."""
        health = []
        for w in self.workloads:
            for c in w.spec["containers"]:
                if w.container_name(c) in self.aot.recording.values():
                    health += [f"http://{w.ip(w.container_name(c))}:{p['containerPort']}/health"
                               for p in c.get("ports") or [] if p.get("name", "").startswith("http")]
        command = command.replace("{gateway}", gateway).replace("{health}", " ".join(health))
        log(f"aot: training requests: {command}")
        t = time.monotonic()
        if subprocess.run(command, shell=True).returncode != 0:
            raise StageFailure("the AOT training requests failed")
        log(f"aot: training requests sent in {time.monotonic() - t:.1f} s")

    def aot_fallback(self, name, url_template):
        """A cache that does not fit (another image's, i.e. another class path) mounted over the Deployment's own,
        with the entrypoint's -XX:AOTMode=auto: the JVM must say so in its log and start healthy without it. Then
        the Deployment is started again as before."""
        w = self.deployment(name)
        c = w.spec["containers"][0]
        cname = w.container_name(c)
        image = self.image_for(w.id, c["image"])[0]
        inside = self.aot.cache_path(image)
        if not inside:
            raise StageFailure(f"--aot-fallback {name}: its image {image} names no AOT cache")
        wrong = self.aot.mismatched_cache(image)
        for override in ((["--mount", f"type=bind,source={wrong},destination={inside},readonly"], None), None):
            if override:
                self.aot.overrides[cname] = override
            else:
                del self.aot.overrides[cname]
            ready = w.replace()
            if override:
                r = docker("logs", cname)
                out = (r.stdout + r.stderr).decode(errors="replace")
                said = [line for line in out.splitlines() if re.search(r"\]\[aot *\]", line)]
                if not said:
                    raise StageFailure(f"{name} started with a mismatched cache ({wrong}) but its log says nothing "
                                       "about the AOT cache")
                deadline = time.monotonic() + 60  # the gateway's channel may still be backing off from the restart
                while True:
                    day = datetime.date(2018, 1, 1) + datetime.timedelta(random.randint(3000, 9000))  # not cached
                    try:
                        with urllib.request.urlopen(url_template.replace("{date}", str(day)), timeout=10) as r:
                            code = r.status
                    except urllib.error.HTTPError as e:
                        code = e.code
                    if code == 200 or time.monotonic() > deadline:
                        break
                    time.sleep(0.5)
                if code != 200:
                    raise StageFailure(f"{name} started without its cache, but the gateway answered {code}")
                log(f"aot fallback: {name} with another image's cache at {inside}: ready in {ready:.1f} s, gateway "
                    f"answered {code}; its log: {said[0].strip()[:200]}")
            else:
                log(f"aot fallback: {name} started again with its own cache, ready in {ready:.1f} s")

    def aot_measure(self, times, only=()):
        """Each Deployment with a baked cache started alone (the others up and idle), `times` times with its cache
        and without it (_JAVA_OPTIONS=-XX:AOTMode=off), alternating: docker run to its rendered probes passing,
        polled every 0.1 s. Then started again as before."""
        print("\n| workload | with the AOT cache: median (runs) | without: median (runs) | load average |\n|---|---|---|---|")
        for w in [w for w in self.workloads if w.kind == "Deployment" and (not only or w.name in only)]:
            c = w.spec["containers"][0]
            cname = w.container_name(c)
            if not self.aot.baked(self.image_for(w.id, c["image"])[0]):
                continue
            took = {"on": [], "off": []}
            for _ in range(times):
                for mode in took:
                    self.aot.overrides[cname] = (["--env", f"_JAVA_OPTIONS=-XX:AOTMode={mode}"], None)
                    took[mode].append(w.replace(period=0.1))
            del self.aot.overrides[cname]
            w.replace()

            def cell(xs):
                return f"{sorted(xs)[len(xs) // 2]:.2f} s ({', '.join(f'{x:.2f}' for x in xs)})"
            print(f"| {w.id} | {cell(took['on'])} | {cell(took['off'])} | "
                  f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} |", flush=True)

    def report(self):
        stats = docker("stats", "--no-stream", "--format", "{{.Name}}\t{{.MemUsage}}\t{{.CPUPerc}}").stdout.decode()
        mem = dict(line.split("\t", 1) for line in stats.splitlines() if "\t" in line)
        print("\n| workload | container | ready after start | memory (docker stats) |\n|---|---|---|---|")
        for w in self.workloads:
            for c in w.containers:
                ready = f"{w.ready_after:.1f} s" if w.ready_after is not None else "-"
                if w.first_ready is not None:
                    ready = f"{w.first_ready:.1f} s (after the fault's restart: {ready})"
                print(f"| {w.id} | {c} | {ready} | {mem.get(c, 'exited').split(chr(9))[0]} |")
        not_alive = [w.id for w in self.workloads if w.kind in ("Deployment", "StatefulSet") and not w.alive()]
        if not_alive:
            raise StageFailure(f"liveness probes fail after the journeys: {not_alive}")
        for overrun in self.overruns:
            print(f"WARNING: {overrun}")
        print("\nNot mapped to Docker (listed, not dropped):")
        for what, owners in sorted(self.not_mapped.items()):
            shown = ", ".join(sorted(owners)[:4]) + (f" and {len(owners) - 4} more" if len(owners) > 4 else "")
            print(f"  - {what}: {shown}")

    def ours(self):
        r = docker("ps", "-a", "--format", "{{.Names}}", check=False)
        return [n for n in r.stdout.decode().split() if n.startswith(self.prefix + "-")]

    def down(self):
        if self.ours():
            docker("rm", "-f", "-v", *self.ours(), check=False, timeout=120)
        docker("network", "rm", self.network, check=False)
        r = docker("volume", "ls", "-q", "--filter", f"name={self.prefix}-", check=False)
        if r.stdout.strip():
            docker("volume", "rm", *r.stdout.decode().split(), check=False)
        shutil.rmtree(self.files, ignore_errors=True)
        left = self.ours()
        if left:
            raise StageFailure(f"containers left behind: {left}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rendered", required=True, help="helm template output")
    p.add_argument("--port-offset", type=int, default=23000, help="host port = offset + NodePort Service port")
    p.add_argument("--local-postgres", required=True, help="local image standing in for postgres and curl images")
    p.add_argument("--e2e", help="command run with PLATFORM_URL set to the gateway, PLATFORM_OIDC_ISSUER and "
                                 "PLATFORM_OIDC_SIGNING_KEY to the issuer it trusts and the local provider's key")
    p.add_argument("--gateway-service", default="gateway")
    p.add_argument("--ready-timeout", type=int, default=300,
                   help="longest wait for a container to become ready (s), when past its startup probe budget")
    p.add_argument("--kill", help="Deployment to kill for the fault check")
    p.add_argument("--probe-path", help="gateway path answered by the killed service")
    p.add_argument("--aot-train", metavar="DIR", help="only the AOT training: record, exercise, create each cache "
                                                      "into DIR/<image>, bake it into the image (aot_images.py)")
    p.add_argument("--exercise", help="with --aot-train: the training requests; {gateway} and {health} replaced")
    p.add_argument("--aot-dir", help="the caches of the training run (for --aot-check and --aot-fallback)")
    p.add_argument("--aot-check", action="store_true",
                   help="every baked image must map its cache: -XX:AOTMode=on, a JVM that cannot refuses to start")
    p.add_argument("--aot-fallback", metavar="DEPLOYMENT",
                   help="after the fault check, start it with another image's cache: it must start without it")
    p.add_argument("--aot-measure", type=int, default=0, metavar="N",
                   help="then start each baked Deployment alone N times with and N times without its cache")
    p.add_argument("--aot-measure-only", default="", help="comma-separated Deployments to measure (default: all)")
    args = p.parse_args()
    t0 = time.monotonic()
    stage = Stage(args)
    try:
        stage.up()
        if args.aot_train:
            gateway = stage.published.get(args.gateway_service)
            if not gateway or not args.exercise:
                raise StageFailure("--aot-train needs --exercise and a published gateway Service")
            stage.aot_exercise(args.exercise, gateway)
            stage.aot.finish_training()
            log(f"aot: training and baking done in {time.monotonic() - t0:.0f} s")
            return 0
        stage.helm_tests()
        gateway = stage.published.get(args.gateway_service)
        if args.e2e:
            if not gateway:
                raise StageFailure(f"Service {args.gateway_service} is not published (NodePort) by these values")
            env = dict(os.environ, PLATFORM_URL=gateway)
            if not (env.get("PLATFORM_OIDC_ISSUER") and env.get("PLATFORM_OIDC_SIGNING_KEY")):
                env["PLATFORM_OIDC_ISSUER"], env["PLATFORM_OIDC_SIGNING_KEY"] = stage.token_signing(
                    args.gateway_service)
            log(f"e2e against the gateway container at {gateway}, tokens for {env['PLATFORM_OIDC_ISSUER']}: "
                f"{args.e2e}")
            t = time.monotonic()
            if subprocess.run(args.e2e, shell=True, env=env).returncode != 0:
                raise StageFailure("the e2e suite against the containers failed")
            log(f"e2e through the containers: {time.monotonic() - t:.0f} s")
        if args.kill:
            if not gateway or not args.probe_path:
                raise StageFailure("--kill needs a published gateway Service and --probe-path")
            stage.kill_and_recover(args.kill, gateway + args.probe_path)
        if args.aot_fallback:
            if not stage.aot or not gateway or not args.probe_path:
                raise StageFailure("--aot-fallback needs --aot-dir, a published gateway Service and --probe-path")
            stage.aot_fallback(args.aot_fallback, gateway + args.probe_path)
        if args.aot_measure:
            stage.aot_measure(args.aot_measure, [n for n in args.aot_measure_only.split(",") if n])
        stage.report()
        log(f"stage passed in {time.monotonic() - t0:.0f} s")
        return 0
    except StageFailure as e:
        print(f"containers: FAILED: {e}", file=sys.stderr, flush=True)
        return 1
    finally:
        stage.down()


if __name__ == "__main__":
    sys.exit(main())
