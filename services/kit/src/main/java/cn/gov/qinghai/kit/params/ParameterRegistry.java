package cn.gov.qinghai.kit.params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * All policy parameters of a service, loaded once at start-up from {@code parameters/*.yaml} on the classpath.
 * Any malformed file stops the service: a wrong figure must never be served.
 */
public final class ParameterRegistry {

    private final Map<String, PolicyParameter> byId;

    private ParameterRegistry(Map<String, PolicyParameter> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Loads every {@code *.yaml} directly under the classpath folder {@code folder} (e.g. "parameters"). */
    public static ParameterRegistry fromClasspath(String folder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ParameterRegistry.class.getClassLoader();
        }
        Map<String, PolicyParameter> byId = new LinkedHashMap<>();
        for (String resource : listYaml(loader, folder)) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ParameterFileException("cannot read " + resource);
                }
                PolicyParameter p = ParameterFileReader.read(in, resource);
                PolicyParameter previous = byId.putIfAbsent(p.id(), p);
                if (previous != null) {
                    throw new ParameterFileException("duplicate parameter id " + p.id() + " in " + resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return new ParameterRegistry(byId);
    }

    public static ParameterRegistry of(Collection<PolicyParameter> parameters) {
        Map<String, PolicyParameter> byId = new LinkedHashMap<>();
        parameters.forEach(p -> byId.put(p.id(), p));
        return new ParameterRegistry(byId);
    }

    /** This registry with {@code replacements} in place of the parameters of the same ids (e.g. a reform's). */
    public ParameterRegistry with(Collection<PolicyParameter> replacements) {
        Map<String, PolicyParameter> copy = new LinkedHashMap<>(byId);
        for (PolicyParameter p : replacements) {
            if (!copy.containsKey(p.id())) {
                throw new ParameterFileException("cannot replace unknown parameter " + p.id());
            }
            copy.put(p.id(), p);
        }
        return new ParameterRegistry(copy);
    }

    /** Whether this registry has a parameter with this id. */
    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The parameter with this id; a missing id is a programming error, so it fails loudly. */
    public PolicyParameter get(String id) {
        PolicyParameter p = byId.get(id);
        if (p == null) {
            throw new ParameterFileException("no parameter with id " + id + " (known: " + byId.keySet() + ")");
        }
        return p;
    }

    public Collection<PolicyParameter> all() {
        return byId.values();
    }

    private static List<String> listYaml(ClassLoader loader, String folder) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.map(f -> f.getFileName().toString())
                                .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                                .forEach(n -> names.add(folder + "/" + n));
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String n = entries.nextElement().getName();
                            if (n.startsWith(folder + "/")
                                    && n.indexOf('/', folder.length() + 1) < 0
                                    && (n.endsWith(".yaml") || n.endsWith(".yml"))) {
                                names.add(n);
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ParameterFileException("cannot list " + folder, e);
        }
        return new ArrayList<>(names);
    }
}
