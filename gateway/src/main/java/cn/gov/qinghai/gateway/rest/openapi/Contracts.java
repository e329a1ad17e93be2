package cn.gov.qinghai.gateway.rest.openapi;

import cn.gov.qinghai.api.v1.AccessProto;
import com.google.api.AnnotationsProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled contracts as the proto module ships them ({@code META-INF/qinghai/contracts.binpb}: every file with
 * its imports, options and comments), with each element's comment looked up by its descriptor. The OpenAPI
 * document is generated from this, the same descriptors (and bindings) the transcoder serves.
 */
public final class Contracts {

    public static final String RESOURCE = "META-INF/qinghai/contracts.binpb";
    private final List<FileDescriptor> files = new ArrayList<>();
    private final Map<String, String> comments = new HashMap<>();

    public static Contracts load() {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (built by the proto module)");
            }
            ExtensionRegistry registry = ExtensionRegistry.newInstance();
            registry.add(AnnotationsProto.http);
            registry.add(AccessProto.access);
            return new Contracts(FileDescriptorSet.parseFrom(in, registry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Contracts(FileDescriptorSet set) {
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (FileDescriptorProto proto : set.getFileList()) { // protoc writes dependencies first
            FileDescriptor[] deps =
                    proto.getDependencyList().stream().map(built::get).toArray(FileDescriptor[]::new);
            try {
                FileDescriptor file = FileDescriptor.buildFrom(proto, deps);
                built.put(proto.getName(), file);
                files.add(file);
                index(file, proto.getSourceCodeInfo());
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException("cannot load " + proto.getName(), e);
            }
        }
    }

    /** The platform's own files ({@code qinghai/...}), in build order. */
    public List<FileDescriptor> platformFiles() {
        return files.stream().filter(f -> f.getPackage().startsWith("qinghai.")).toList();
    }

    public List<ServiceDescriptor> services() {
        return platformFiles().stream().flatMap(f -> f.getServices().stream()).toList();
    }

    public String comment(Descriptor d) {
        return comments.getOrDefault(d.getFullName(), "");
    }

    public String comment(FieldDescriptor d) {
        return comments.getOrDefault(d.getFullName(), "");
    }

    public String comment(EnumDescriptor d) {
        return comments.getOrDefault(d.getFullName(), "");
    }

    public String comment(EnumValueDescriptor d) {
        return comments.getOrDefault(d.getType().getFullName() + "/" + d.getName(), "");
    }

    public String comment(ServiceDescriptor d) {
        return comments.getOrDefault(d.getFullName(), "");
    }

    public String comment(MethodDescriptor d) {
        return comments.getOrDefault(d.getFullName(), "");
    }

    /** Source locations → element names (paths per descriptor.proto: 4 message, 5 enum, 6 service, 2 field...). */
    private void index(FileDescriptor file, SourceCodeInfo info) {
        for (SourceCodeInfo.Location location : info.getLocationList()) {
            String text = clean(location.getLeadingComments() + "\n" + location.getTrailingComments());
            if (text.isEmpty()) {
                continue;
            }
            String name = name(file, location.getPathList());
            if (name != null) {
                comments.put(name, text);
            }
        }
    }

    private static String name(FileDescriptor file, List<Integer> path) {
        if (path.size() < 2) {
            return null;
        }
        int kind = path.get(0);
        int index = path.get(1);
        switch (kind) {
            case 4 -> {
                Descriptor message = file.getMessageTypes().get(index);
                return messageName(message, path.subList(2, path.size()));
            }
            case 5 -> {
                EnumDescriptor e = file.getEnumTypes().get(index);
                return enumName(e, path.subList(2, path.size()));
            }
            case 6 -> {
                ServiceDescriptor s = file.getServices().get(index);
                if (path.size() == 2) {
                    return s.getFullName();
                }
                if (path.size() == 4 && path.get(2) == 2) {
                    return s.getMethods().get(path.get(3)).getFullName();
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String messageName(Descriptor message, List<Integer> rest) {
        if (rest.isEmpty()) {
            return message.getFullName();
        }
        if (rest.size() < 2) {
            return null;
        }
        List<Integer> tail = rest.subList(2, rest.size());
        return switch (rest.get(0)) {
            case 2 -> tail.isEmpty() ? message.getFields().get(rest.get(1)).getFullName() : null;
            case 3 -> messageName(message.getNestedTypes().get(rest.get(1)), tail);
            case 4 -> enumName(message.getEnumTypes().get(rest.get(1)), tail);
            default -> null;
        };
    }

    private static String enumName(EnumDescriptor e, List<Integer> rest) {
        if (rest.isEmpty()) {
            return e.getFullName();
        }
        if (rest.size() == 2 && rest.get(0) == 2) {
            return e.getFullName() + "/" + e.getValues().get(rest.get(1)).getName();
        }
        return null;
    }

    /** Comment text without lint directives, trimmed, lines joined with spaces (one paragraph per blank line). */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String t = line.strip();
            if (t.startsWith("buf:lint:")) {
                continue;
            }
            if (t.isEmpty()) {
                if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
                    out.append("\n\n");
                }
                continue;
            }
            if (out.length() > 0 && !out.toString().endsWith("\n")) {
                out.append(' ');
            }
            out.append(t);
        }
        return out.toString().strip();
    }
}
