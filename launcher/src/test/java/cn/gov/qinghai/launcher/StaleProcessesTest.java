package cn.gov.qinghai.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next start stops an earlier run's leftover, and only that very process: never a later one with its pid. */
class StaleProcessesTest {

    @TempDir
    Path dataDir;

    private Process child;

    /** A live process whose command line carries the platform's package name, like every child of the launcher. */
    private Process startChild() throws IOException {
        child = new ProcessBuilder("bash", "-c", "sleep 60; : cn.gov.qinghai.StaleProcessesTest").start();
        return child;
    }

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aRecordedChildStillRunningIsStopped() throws Exception {
        Process p = startChild();
        StaleProcesses.record(dataDir, p.pid());

        StaleProcesses.stopLeftovers(dataDir);

        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the leftover was stopped");
        assertFalse(Files.exists(dataDir.resolve("children.pids")));
    }

    @Test
    void aProcessThatReusedTheNumberIsLeftAlone() throws Exception {
        Process p = startChild();
        // the same pid, recorded for a process that started a minute earlier: another process now has the number
        long otherStart = p.toHandle().info().startInstant().orElseThrow().toEpochMilli() - 60_000;
        Files.writeString(dataDir.resolve("children.pids"), p.pid() + " " + otherStart + "\n", StandardCharsets.UTF_8);

        StaleProcesses.stopLeftovers(dataDir);

        assertTrue(p.isAlive(), "a process that only shares the pid must not be stopped");
    }

    @Test
    void aLineWithoutStartInstantCannotBeProvenOursAndIsLeftAlone() throws Exception {
        Process p = startChild();
        Files.writeString(dataDir.resolve("children.pids"), p.pid() + "\n", StandardCharsets.UTF_8);

        StaleProcesses.stopLeftovers(dataDir);

        assertTrue(p.isAlive());
    }
}
