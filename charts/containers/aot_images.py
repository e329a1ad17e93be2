"""The JDK AOT cache (JEP 483/514/515) baked into the app images, for run_chart.py (issue 23, docs/performance.md).

Only Jib app images (entrypoint `java … -cp @/app/jib-classpath-file <main>`, root pom) are touched; the cache must be
made by the image's own JRE over the image's own class path and file times, so every step runs in a
container of that very image:

  train  (run_chart.py --aot-train DIR --exercise CMD): each such workload's first container runs its image's own
         entrypoint with -XX:AOTMode=record instead of auto, writing DIR/<image>/app.aotconf on a bind mount (the
         only writable path besides the chart's emptyDirs; the root file system stays read-only); CMD sends the
         launcher's training requests (AotTraining --exercise: the same list `bin/platform` trains with); the
         containers get SIGTERM and time to write; -XX:AOTMode=create then runs in a container of the same image,
         user, memory and CPU limits as the workload (the JVM picks the same GC), and the cache becomes one more
         layer of the image under the same name and tag (docker commit), in the same commit that adds
         `-XX:AOTMode=auto -XX:AOTCache=/app/app.aot` to the entrypoint — the chart needs nothing new, and an image
         never names a cache it does not carry (that would cost the JRE's default class-data archive).
  check  (--aot-dir DIR --aot-check): every baked container also gets _JAVA_OPTIONS=-XX:AOTMode=on (the JVM reads
         it after the command line, so it overrides the entrypoint's auto): a JVM that cannot map its image's cache
         refuses to start, which fails the stage.
  fallback (--aot-fallback NAME): that Deployment is started once more with another image's cache mounted over its
         own and no override: AOTMode=auto must start it healthy without the cache and say why in its log.
"""
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

MOUNT = "/aot-train"
AOT_FLAGS = ("-XX:AOTMode=", "-XX:AOTCache=", "-XX:AOTConfiguration=")
JIB_CLASS_PATH = "@/app/jib-classpath-file"  # what marks a Jib app image's entrypoint
CACHE = "/app/app.aot"  # where a baked cache lives in the image


class AotImages:
    def __init__(self, docker, fail, log, directory, mode, prefix):
        self.docker, self.fail, self.log = docker, fail, log
        self.dir, self.mode, self.prefix = directory, mode, prefix
        self.entrypoints = {}
        self.recording = {}  # image -> docker container name of its training run
        self.overrides = {}  # container name -> (docker run arguments, entrypoint or None)

    # --- what the images say ---------------------------------------------------------------------------------------

    def entrypoint(self, image):
        if image not in self.entrypoints:
            r = self.docker("image", "inspect", "--format", "{{json .Config.Entrypoint}}", image)
            self.entrypoints[image] = json.loads(r.stdout.decode()) or []
        return self.entrypoints[image]

    def cache_path(self, image):
        """Where the image's cache is (a baked image names it in its entrypoint) or goes (a Jib app image not baked
        yet), or None for an image that gets none (PostgreSQL, helm test pods)."""
        entry = self.entrypoint(image)
        for a in entry:
            if a.startswith("-XX:AOTCache="):
                return a.split("=", 1)[1]
        return CACHE if JIB_CLASS_PATH in entry else None

    def folder(self, image):
        return os.path.join(self.dir, image.rsplit("/", 1)[-1].split(":")[0])

    def baked(self, image):
        return bool(self.cache_path(image)) and os.path.isfile(os.path.join(self.folder(image), "app.aot"))

    def plain_entrypoint(self, image):
        return [a for a in self.entrypoint(image) if not a.startswith(AOT_FLAGS)]

    # --- run_chart.py's hook ---------------------------------------------------------------------------------------

    def run_args(self, container_name, image, memory=0):
        """Extra `docker run` arguments and the entrypoint to use instead of the image's (None: the image's own).
        `memory`: the container's rendered memory limit in bytes (0: none)."""
        if container_name in self.overrides:
            return self.overrides[container_name]
        if not self.cache_path(image):
            return [], None
        if self.mode == "check":
            return (["--env", "_JAVA_OPTIONS=-XX:AOTMode=on"] if self.baked(image) else []), None
        if self.mode != "train":
            return [], None
        if image in self.recording and self.recording[image] != container_name:
            return [], None  # one training run per image
        folder = self.folder(image)
        os.makedirs(folder, exist_ok=True)
        os.chmod(folder, 0o777)  # written by the container's non-root user
        for old in ("app.aotconf", "app.aot"):
            if os.path.exists(os.path.join(folder, old)):
                os.remove(os.path.join(folder, old))
        self.recording[image] = container_name
        java, *flags = self.plain_entrypoint(image)
        # Twice the memory limit while training (a later --memory overrides the rendered one): a record-mode JVM
        # holds its training data until it exits and then writes it (health-data's, at 512 MiB, was OOM-killed
        # mid-write: an empty app.aotconf). The CPU limit stays, so the JVM picks the same GC as in service.
        more = ["--memory", str(2 * memory)] if memory else []
        return (more + ["--mount", f"type=bind,source={folder},destination={MOUNT}"],
                [java, "-XX:AOTMode=record", f"-XX:AOTConfiguration={MOUNT}/app.aotconf", *flags])

    # --- training ----------------------------------------------------------------------------------------------------

    def finish_training(self):
        """After the exercise: stop the recording JVMs (they write their training data on exit), create each cache
        in its own image, and commit it into the image."""
        if not self.recording:
            raise self.fail("--aot-train: no rendered container runs a Jib app image (-cp " + JIB_CLASS_PATH + ")")
        t = time.monotonic()
        names = list(self.recording.values())
        limits = {}
        for image, name in self.recording.items():
            r = self.docker("inspect", "--format", "{{json .HostConfig}}|{{.Config.User}}", name)
            host, user = r.stdout.decode().strip().split("|", 1)
            host = json.loads(host)
            limits[image] = (user, host.get("Memory") or 0, host.get("NanoCpus") or 0)
        # SIGTERM, then up to 5 minutes to write: on a loaded 2-core machine a 10 s grace killed JVMs mid-write.
        self.docker("stop", "-t", "300", *names, timeout=400)
        for image, name in self.recording.items():
            conf = os.path.join(self.folder(image), "app.aotconf")
            if not os.path.isfile(conf) or os.path.getsize(conf) == 0:
                state = self.docker("inspect", "--format", "exit code {{.State.ExitCode}}, OOM-killed "
                                    "{{.State.OOMKilled}}", name).stdout.decode().strip()
                r = self.docker("logs", "--tail", "30", name, check=False)
                raise self.fail(f"{image}: its record-mode JVM wrote no {conf} ({state}; is the image's JRE 25 or "
                                f"newer?)\n--- last log lines of {name} ---\n"
                                f"{(r.stdout + r.stderr).decode(errors='replace')}--- end of {name} ---")
        self.log(f"aot: {len(names)} training runs stopped and written in {time.monotonic() - t:.1f} s")
        # create is CPU-heavy: two at a time on two cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            for line in pool.map(lambda image: self.create(image, *limits[image]), list(self.recording)):
                self.log(line)
        for image in self.recording:
            self.bake(image)

    def create(self, image, user, memory, nano_cpus):
        t = time.monotonic()
        folder = self.folder(image)
        key = os.path.basename(folder)
        args = ["run", "--rm", "--name", f"{self.prefix}-aot-create-{key}", "--network", "none", "--read-only",
                "--tmpfs", "/tmp", "--mount", f"type=bind,source={folder},destination={MOUNT}"]
        if user:
            args += ["--user", user]
        if memory:
            args += ["--memory", str(memory)]
        if nano_cpus:
            args += ["--cpus", str(nano_cpus / 1e9)]
        java, *flags = self.plain_entrypoint(image)
        r = self.docker(*args, "--entrypoint", java, image, "-XX:AOTMode=create",
                        f"-XX:AOTConfiguration={MOUNT}/app.aotconf", f"-XX:AOTCache={MOUNT}/app.aot", *flags,
                        check=False, timeout=600)
        cache = os.path.join(folder, "app.aot")
        if r.returncode != 0 or not os.path.isfile(cache):
            out = (r.stdout + r.stderr).decode(errors="replace")[-3000:]
            raise self.fail(f"{image}: -XX:AOTMode=create failed ({r.returncode}):\n{out}")
        os.remove(os.path.join(folder, "app.aotconf"))
        return f"aot: {image}: cache created, {os.path.getsize(cache) >> 20} MiB in {time.monotonic() - t:.1f} s"

    def bake(self, image):
        """The cache as one more layer of the image, same name and tag, and the entrypoint's flags that use it
        (AOTMode=auto: a cache that does not fit this JRE or class path is skipped with a warning); user and env
        unchanged."""
        cache = os.path.join(self.folder(image), "app.aot")
        java, *flags = self.plain_entrypoint(image)
        entrypoint = [java, "-XX:AOTMode=auto", f"-XX:AOTCache={self.cache_path(image)}", *flags]
        os.chmod(cache, 0o644)  # docker cp keeps the mode and makes root the owner: the app's user must read it
        holder = f"{self.prefix}-aot-bake-{os.path.basename(self.folder(image))}"
        self.docker("create", "--name", holder, image)
        try:
            self.docker("cp", cache, f"{holder}:{self.cache_path(image)}", timeout=300)
            self.docker("commit", "-m", "JDK AOT cache (charts/containers/aot_images.py)",
                        "--change", f"LABEL cn.gov.qinghai.aot-cache={self.cache_path(image)}",
                        "--change", "ENTRYPOINT " + json.dumps(entrypoint), holder, image, timeout=300)
        finally:
            self.docker("rm", "-f", holder, check=False)
        self.entrypoints.pop(image, None)  # read the baked entrypoint again from now on
        self.log(f"aot: {image}: baked in at {self.cache_path(image)}")

    # --- checks on the baked images -----------------------------------------------------------------------------------

    def mismatched_cache(self, image):
        """Another image's cache (made for another class path), to mount over this image's own."""
        own = os.path.basename(self.folder(image))
        for key in sorted(os.listdir(self.dir)):
            cache = os.path.join(self.dir, key, "app.aot")
            if key != own and os.path.isfile(cache):
                return cache
        raise self.fail(f"--aot-fallback: no other image's cache in {self.dir} to mount over {image}'s")
