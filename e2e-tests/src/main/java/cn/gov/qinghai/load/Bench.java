package cn.gov.qinghai.load;

import cn.gov.qinghai.launcher.ChildProcess;
import cn.gov.qinghai.launcher.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bin/bench}: one run with the numbers of docs/performance.md "Java 25": the platform up from an empty data
 * folder, each process's time to healthy started alone (median of N), resident memory at rest and after load,
 * uncached and cached minimum-wage look-ups through the gateway (wrk when installed, and the Java client of
 * {@link LoadTool}) against the same questions straight over gRPC (the same Java client), and the ratio.
 * Prints numbers only; no assertions. Which JDK and whether the AOT cache is used come from bin/java-env and
 * {@code QH_AOT}; the first lines say which.
 * <pre>
 *   bin/bench [--port-offset 10000] [--starts 5] [--seconds 20] [--requests 20000] [--jfr FILE]
 * </pre>
 * {@code --jfr FILE}: after the measurements, one more uncached wrk run while the gateway records a JFR profile
 * ({@code jcmd JFR.start settings=profile}) into FILE; {@code jfr view hot-methods FILE} summarises it.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        int offset = 10000;
        int starts = 5;
        int seconds = 20;
        int requests = 20000;
        Path jfr = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of(System.getProperty("qinghai.home", "."))
                .toAbsolutePath()
                .normalize();
        Path data = root.resolve("e2e-tests/target/bench-platform");
        deleteTree(data);
        System.setProperty("qinghai.rate-limit.enabled", "false"); // one load client on purpose
        System.out.printf(
                "bench: java %s (%s), %d cores, load average %s, QH_AOT=%s%n",
                System.getProperty("java.version"),
                System.getProperty("java.home"),
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getenv().getOrDefault("QH_AOT", ""));
        long t0 = System.nanoTime();
        Platform platform = Platform.start(new Platform.Options(root, data, offset, Duration.ofSeconds(300)));
        try {
            System.out.printf("platform up from an empty data folder: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (ChildProcess p : platform.processes().values()) {
                System.out.printf(
                        "  %-16s AOT cache %s%n", p.name(), p.aotMissing() == null ? "on" : "off: " + p.aotMissing());
            }
            Thread.sleep(5000);
            System.out.println(
                    "time to healthy, each process started alone while the rest idles (median of " + starts + "):");
            for (ChildProcess p : platform.processes().values()) {
                double[] t = new double[starts];
                for (int i = 0; i < starts; i++) {
                    p.stop();
                    long s0 = System.nanoTime();
                    p.restart(Duration.ofSeconds(120));
                    t[i] = (System.nanoTime() - s0) / 1e9;
                }
                double[] sorted = t.clone();
                Arrays.sort(sorted);
                System.out.printf(
                        "  %-16s %.2f s  (runs %s)%n",
                        p.name(),
                        sorted[starts / 2],
                        Arrays.toString(Arrays.stream(t)
                                .mapToObj(x -> String.format("%.2f", x))
                                .toArray()));
            }
            Thread.sleep(5000);
            System.out.println("RSS at rest: " + rss(platform));
            String gateway = platform.gatewayUrl();
            String grpc = platform.grpcAddress("wage");
            if (wrkInstalled()) {
                Path lua = root.resolve("e2e-tests/src/main/wrk/wage-lookup.lua");
                wrk(lua, gateway, true, 5); // warm-up, not printed
                System.out.println("wrk -t1 -c16 -d" + seconds + "s, distinct questions (uncached): "
                        + wrk(lua, gateway, true, seconds));
                System.out.println("wrk -t1 -c16 -d" + seconds + "s, 24 repeated questions (cached): "
                        + wrk(lua, gateway, false, seconds));
            } else {
                System.out.println("wrk not installed (apt-get install wrk): only the Java client below");
            }
            System.out.println("same Java client (16 threads) through the gateway and straight over gRPC:");
            LoadTool.wageLookup(gateway, grpc, requests, 16, requests / 4, true);
            LoadTool.wageLookup(gateway, grpc, requests, 16, requests / 4, false);
            System.out.println("RSS after load: " + rss(platform));
            if (jfr != null && wrkInstalled()) {
                long pid = platform.process("gateway").pid();
                String jcmd =
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                exec(jcmd, String.valueOf(pid), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
                String profiled = wrk(root.resolve("e2e-tests/src/main/wrk/wage-lookup.lua"), gateway, true, 15);
                exec(jcmd, String.valueOf(pid), "JFR.stop", "name=bench");
                System.out.println("JFR profile of the gateway during 15 s of uncached wrk (" + profiled + "): " + jfr);
            }
        } finally {
            platform.close();
        }
    }

    private static String rss(Platform platform) {
        List<String> parts = new ArrayList<>();
        for (ChildProcess p : platform.processes().values()) {
            parts.add(p.name() + " " + residentMiB(p.pid()));
        }
        return String.join(", ", parts);
    }

    static String residentMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MiB")
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean wrkInstalled() {
        try {
            return new ProcessBuilder("wrk", "--version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)", Pattern.MULTILINE);
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** Runs wrk with the repository's look-up script; returns "N req/s, p50 X ms, p99 Y ms". */
    private static String wrk(Path lua, String url, boolean uncached, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                        "wrk", "-t1", "-c16", "-d" + seconds + "s", "--latency", "-s", lua.toString(), url)
                .redirectErrorStream(true);
        if (uncached) {
            pb.environment().put("UNCACHED", "1");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, String> pct = new LinkedHashMap<>();
        Matcher m = PCT.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            double ms = switch (m.group(3)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            };
            pct.put(m.group(1), String.format("%.2f ms", ms));
        }
        Matcher r = RPS.matcher(out);
        Matcher bad = NON2XX.matcher(out);
        return (r.find() ? r.group(1) : "?") + " req/s, p50 " + pct.get("50") + ", p99 " + pct.get("99")
                + (bad.find() ? ", non-2xx " + bad.group(1) : "");
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.waitFor();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
