package cn.gov.qinghai.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Child processes outlive a launcher that is killed with SIGKILL. Their pids are recorded in
 * {@code <dataDir>/children.pids}; the next start stops any that are still ours before binding the ports.
 *
 * <p>"Still ours" means the same pid AND the same start instant as recorded. A pid alone is not enough: after a
 * reboot or a busy day the number is reused, and the platform's own name in the command line does not tell one run
 * from another (two platforms on one machine, or a JVM inside a container, which shares the host's pid numbers). A
 * line without a start instant (written by an older launcher) cannot be proven ours and is left alone.
 */
final class StaleProcesses {

    private static final String FILE = "children.pids";

    private StaleProcesses() {}

    static synchronized void record(Path dataDir, long pid) throws IOException {
        String started = ProcessHandle.of(pid)
                .flatMap(h -> h.info().startInstant())
                .map(i -> " " + i.toEpochMilli())
                .orElse("");
        Files.writeString(
                dataDir.resolve(FILE),
                pid + started + "\n",
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
            leftover(line).ifPresent(h -> {
                System.out.println("stopping a leftover process of an earlier run: pid " + h.pid());
                h.destroy();
                h.onExit()
                        .orTimeout(10, TimeUnit.SECONDS)
                        .exceptionally(t -> {
                            h.destroyForcibly();
                            return h;
                        })
                        .join();
            });
        }
        Files.deleteIfExists(file);
    }

    /** The live process a line recorded, if it is still that very process (pid and start instant both match). */
    static Optional<ProcessHandle> leftover(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
            return Optional.empty();
        }
        long pid;
        Instant started;
        try {
            pid = Long.parseLong(parts[0]);
            started = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(h -> h.info().startInstant().map(started::equals).orElse(false))
                .filter(h -> h.info()
                        .commandLine()
                        .map(c -> c.contains("cn.gov.qinghai."))
                        .orElse(false));
    }

    static void clear(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
