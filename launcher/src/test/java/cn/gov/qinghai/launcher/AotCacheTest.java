package cn.gov.qinghai.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the launcher runs a module from its jar with the AOT cache, and when it starts it exactly as before. */
class AotCacheTest {

    @TempDir
    Path module;

    private AotCache prepared(Instant classesTime, Instant jarTime) throws Exception {
        Path classes = Files.createDirectories(module.resolve("target/classes/x"));
        Path cls = Files.writeString(classes.resolve("A.class"), "x");
        Files.setLastModifiedTime(cls, FileTime.from(classesTime));
        Path jar = Files.writeString(module.resolve("target/app-0.1.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.from(jarTime));
        return new AotCache(module);
    }

    @Test
    void withoutATrainedCacheTheModuleStartsFromItsClassesWithNoFlags() throws Exception {
        AotCache aot = prepared(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        String cp = aot.classpath("/deps/a.jar");
        assertEquals(module.resolve("target/classes") + ":/deps/a.jar", cp);
        assertEquals(List.of(), aot.jvmFlags(cp));
    }

    @Test
    void aMatchingCacheRunsTheJarWithTheCache() throws Exception {
        assumeTrue(AotCache.jdkSupportsCache(), "JDK 25+ only");
        AotCache aot = prepared(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        String fromJar = module.resolve("target/app-0.1.jar") + ":/deps/a.jar";
        Files.createDirectories(aot.cacheFile().getParent());
        Files.writeString(aot.cacheFile(), "cache");
        Files.writeString(aot.fingerprintFile(), AotCache.fingerprint(fromJar));
        String cp = aot.classpath("/deps/a.jar");
        assertEquals(fromJar, cp);
        assertEquals(List.of("-XX:AOTMode=auto", "-XX:AOTCache=" + aot.cacheFile()), aot.jvmFlags(cp));
        assertNull(aot.missingReason(cp));
    }

    @Test
    void aCacheForAnotherClassPathOrAStaleJarIsNotUsed() throws Exception {
        assumeTrue(AotCache.jdkSupportsCache(), "JDK 25+ only");
        AotCache aot = prepared(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        Files.createDirectories(aot.cacheFile().getParent());
        Files.writeString(aot.cacheFile(), "cache");
        Files.writeString(aot.fingerprintFile(), AotCache.fingerprint("/elsewhere.jar:/deps/a.jar"));
        String cp = aot.classpath("/deps/a.jar");
        assertTrue(cp.startsWith(module.resolve("target/classes").toString()), cp);
        assertEquals(List.of(), aot.jvmFlags(cp));
        assertNotNull(aot.missingReason(cp));

        // an IDE recompiled after the jar: the classes are newer, so the jar (and its cache) is not used
        AotCache stale = prepared(Instant.parse("2026-01-03T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        Files.writeString(
                stale.fingerprintFile(), AotCache.fingerprint(module.resolve("target/app-0.1.jar") + ":/deps/a.jar"));
        assertTrue(stale.classpath("/deps/a.jar")
                .startsWith(module.resolve("target/classes").toString()));
    }

    /** bin/platform trains by itself exactly when a cache is missing or stale and training could make one. */
    @Test
    void trainingIsNeededWhenTheCacheIsMissingOrForAnotherBuild() throws Exception {
        assumeTrue(AotCache.jdkSupportsCache(), "JDK 25+ only");
        AotCache aot = prepared(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        assertEquals("not trained", aot.trainingNeed("/deps/a.jar"));

        Files.createDirectories(aot.cacheFile().getParent());
        Files.writeString(aot.cacheFile(), "cache");
        Files.writeString(aot.fingerprintFile(), AotCache.fingerprint("/elsewhere.jar:/deps/a.jar"));
        assertEquals("trained for another build or JDK", aot.trainingNeed("/deps/a.jar"));

        Files.writeString(
                aot.fingerprintFile(), AotCache.fingerprint(module.resolve("target/app-0.1.jar") + ":/deps/a.jar"));
        assertNull(aot.trainingNeed("/deps/a.jar"));
        assertNotNull(aot.trainingNeed("/deps/b.jar")); // a dependency changed
    }

    @Test
    void noTrainingWithoutACurrentJarOrWithTheCacheOff() throws Exception {
        // classes newer than the jar: a cache cannot cover target/classes, so training would make nothing usable
        AotCache stale = prepared(Instant.parse("2026-01-03T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        assertNull(stale.trainingNeed("/deps/a.jar"));
        String before = System.setProperty(AotCache.MODE_PROPERTY, "off");
        try {
            AotCache fresh = prepared(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
            assertNull(fresh.trainingNeed("/deps/a.jar"));
        } finally {
            if (before == null) {
                System.clearProperty(AotCache.MODE_PROPERTY);
            } else {
                System.setProperty(AotCache.MODE_PROPERTY, before);
            }
        }
    }
}
