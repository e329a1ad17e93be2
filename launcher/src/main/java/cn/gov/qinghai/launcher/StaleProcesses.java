package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Child processes outlive a launcher that is killed with SIGKILL. Their pids are recorded in
 * {@code <dataDir>/children.pids}; the next start stops any that are still ours before binding the ports.
 */
final class StaleProcesses {

    private static final String FILE = "children.pids";

    private StaleProcesses() {}

    static synchronized void record(Path dataDir, long pid) throws IOException {
        Files.writeString(
                dataDir.resolve(FILE),
                pid + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static void stopLeftovers(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(h -> h.info()
                            .commandLine()
                            .map(c -> c.contains("cn.gov.qinghai."))
                            .orElse(false))
                    .ifPresent(h -> {
                        System.out.println("stopping a leftover process of an earlier run: pid " + h.pid());
                        h.destroy();
                        h.onExit()
                                .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                                .exceptionally(t -> {
                                    h.destroyForcibly();
                                    return h;
                                })
                                .join();
                    });
        }
        Files.deleteIfExists(file);
    }

    static void clear(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
