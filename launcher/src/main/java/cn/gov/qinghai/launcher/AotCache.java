package cn.gov.qinghai.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Java 25's ahead-of-time cache (JEP 483 class loading and linking, JEP 514 ergonomics, JEP 515 method profiles) for
 * one app module: {@code <module>/target/aot/app.aot}, made by {@link AotTraining} and used by every later start.
 *
 * <p>A cache only fits the exact JDK and class path it was trained with, and the JVM refuses class directories in
 * that class path ("Cannot have non-empty directory in paths"), so with the cache on a module runs from its packaged
 * jar ({@code target/<artifactId>-<version>.jar}, written by {@code ./mvnw package}) instead of
 * {@code target/classes} — only when a cache trained for exactly that class path exists (or while training).
 * When the jar is older than the classes (an IDE recompiled), the JDK is older than 25,
 * {@code QH_AOT=off} is set, or the cache was trained for another class path or JDK, the module starts exactly as
 * before: from {@code target/classes}, no cache flags. {@code -XX:AOTMode=auto} covers what this check cannot see
 * (the JVM validates the jars' sizes and times itself and then runs without the cache, printing a warning).
 */
final class AotCache {

    /** System property {@code qinghai.aot}: {@code use} (default), {@code train} (set by {@link AotTraining}), {@code off}. */
    static final String MODE_PROPERTY = "qinghai.aot";

    private final Path module;
    private final Path aotDir;

    AotCache(Path module) {
        this.module = module;
        this.aotDir = module.resolve("target/aot");
    }

    static String mode() {
        String env = System.getenv("QH_AOT");
        if (env != null && env.equalsIgnoreCase("off")) {
            return "off";
        }
        return System.getProperty(MODE_PROPERTY, "use").toLowerCase(Locale.ROOT);
    }

    /** The running JVM is also the children's JVM (ChildProcess starts java.home/bin/java). */
    static boolean jdkSupportsCache() {
        return Runtime.version().feature() >= 25;
    }

    Path cacheFile() {
        return aotDir.resolve("app.aot");
    }

    Path configurationFile() {
        return aotDir.resolve("app.aotconf");
    }

    /** What the cache was trained with: the JDK, the JVM flags and the class path, one line each. */
    Path fingerprintFile() {
        return aotDir.resolve("app.aot.fingerprint");
    }

    static String fingerprint(String classpath) {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version") + "\n"
                + String.join(" ", ChildProcess.JVM_FLAGS) + "\n" + classpath + "\n";
    }

    /**
     * The class path to start the module with: its jar when the cache is in play and the jar is current, else
     * {@code target/classes}. {@code dependencies} is the content of {@code target/runtime-classpath.txt}.
     */
    String classpath(String dependencies) {
        Path classes = module.resolve("target/classes");
        String deps = File.pathSeparator + dependencies;
        if (mode().equals("off") || !jdkSupportsCache()) {
            return classes + deps;
        }
        Path jar = currentJar(classes);
        if (jar == null) {
            return classes + deps;
        }
        // Without a cache trained for exactly this class path, start exactly as before (from target/classes).
        String fromJar = jar + deps;
        boolean wanted = mode().equals("train")
                || (Files.isRegularFile(cacheFile()) && fingerprint(fromJar).equals(readFingerprint()));
        return wanted ? fromJar : classes + deps;
    }

    /** JVM flags for the mode: record a training run, use a matching cache, or nothing. */
    List<String> jvmFlags(String classpath) {
        List<String> flags = new ArrayList<>();
        if (!jdkSupportsCache()
                || classpath.startsWith(module.resolve("target/classes").toString())) {
            return flags;
        }
        switch (mode()) {
            case "train" -> {
                try {
                    Files.createDirectories(aotDir); // the JVM writes the file but makes no folder
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                flags.add("-XX:AOTMode=record");
                flags.add("-XX:AOTConfiguration=" + configurationFile());
            }
            case "use" -> {
                if (Files.isRegularFile(cacheFile()) && fingerprint(classpath).equals(readFingerprint())) {
                    flags.add("-XX:AOTMode=auto");
                    flags.add("-XX:AOTCache=" + cacheFile());
                }
            }
            default -> {
                // off
            }
        }
        return flags;
    }

    /**
     * Why {@code bin/platform} should train before starting (no cache yet, or one for another build or JDK), or null
     * when the cache fits, none is wanted ({@code QH_AOT=off}, JDK before 25) or training could not make one (no
     * current jar: the module runs from {@code target/classes}, which a cache cannot cover).
     */
    String trainingNeed(String dependencies) {
        if (!mode().equals("use") || !jdkSupportsCache()) {
            return null;
        }
        Path jar = currentJar(module.resolve("target/classes"));
        if (jar == null) {
            return null;
        }
        if (!Files.isRegularFile(cacheFile())) {
            return "not trained";
        }
        String fromJar = jar + File.pathSeparator + dependencies;
        return fingerprint(fromJar).equals(readFingerprint()) ? null : "trained for another build or JDK";
    }

    /** Why a start has no cache, for the launcher's one-line notice; null when it has one or none is wanted. */
    String missingReason(String classpath) {
        if (mode().equals("off")) {
            return null;
        }
        if (!jdkSupportsCache()) {
            return "JDK " + Runtime.version().feature() + " has no AOT cache (needs 25)";
        }
        if (!Files.isRegularFile(cacheFile())) {
            return "not trained (bin/platform --aot-train)";
        }
        if (classpath.startsWith(module.resolve("target/classes").toString())) {
            return "trained for another build or JDK, or the jar is older than target/classes (bin/platform --aot-train)";
        }
        return null;
    }

    private String readFingerprint() {
        try {
            return Files.readString(fingerprintFile());
        } catch (IOException e) {
            return "";
        }
    }

    /** The module's packaged jar if it is at least as new as every compiled class, else null. */
    private Path currentJar(Path classes) {
        Path target = module.resolve("target");
        try (Stream<Path> jars = Files.list(target)) {
            Path jar = jars.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".jar")
                                && !n.endsWith("-sources.jar")
                                && !n.endsWith("-tests.jar")
                                && !n.endsWith("-javadoc.jar")
                                && !n.startsWith("original-");
                    })
                    .findFirst()
                    .orElse(null);
            if (jar == null) {
                return null;
            }
            FileTime jarTime = Files.getLastModifiedTime(jar);
            try (Stream<Path> files = Files.walk(classes)) {
                boolean newer = files.filter(Files::isRegularFile).anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(jarTime) > 0;
                    } catch (IOException e) {
                        return true;
                    }
                });
                return newer ? null : jar;
            }
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                return null;
            }
            throw new UncheckedIOException(e);
        }
    }
}
