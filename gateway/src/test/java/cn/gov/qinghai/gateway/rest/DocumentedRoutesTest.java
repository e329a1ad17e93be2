package cn.gov.qinghai.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.api.v1.Access;
import cn.gov.qinghai.api.v1.AccessProto;
import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.health.v1.HealthDataServiceGrpc;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.retail.v1.RetailServiceGrpc;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The route documentation follows the contracts: the route table in docs/api.md (between the {@code routes:begin}
 * and {@code routes:end} markers) is exactly the one generated here from the bindings, and every
 * {@code GET|POST /api/v1/...} that README.md or docs/*.md mention is a binding or a named hand-written route.
 * Path variables are compared by position, not by name. When a binding changes, the failure prints the new table.
 */
class DocumentedRoutesTest {

    private static final Pattern MENTION = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)");
    private static final List<ServiceDescriptor> SERVICES = List.of(
            WageServiceGrpc.getServiceDescriptor(),
            DibaoServiceGrpc.getServiceDescriptor(),
            EnterpriseCostServiceGrpc.getServiceDescriptor(),
            HealthDataServiceGrpc.getServiceDescriptor(),
            RetailServiceGrpc.getServiceDescriptor(),
            BroadbandServiceGrpc.getServiceDescriptor(),
            HotlineServiceGrpc.getServiceDescriptor());
    /** The hand-written routes as their controllers declare them (HandWritten.RPCS). */
    private static final List<String> HAND_WRITTEN = List.of(
            "POST /api/v1/health-data/records/fhir",
            "GET /api/v1/broadband/reports/{}",
            "GET /api/v1/broadband/reports/{}.csv",
            "GET /api/v1/retail/statistics.csv",
            "POST /api/v1/dibao/poverty-roster-imports",
            "POST /api/v1/retail/shipments/{}/readings",
            "GET /api/v1/hotline/reports/{}.csv",
            "GET /api/v1/parameters",
            "GET /api/v1/parameters/{}",
            "POST /api/v1/dibao/caseload-simulations.csv");

    @Test
    void theRouteTableInDocsApiIsTheOneTheBindingsGive() throws IOException {
        String doc = Files.readString(root().resolve("docs/api.md"));
        int begin = doc.indexOf("<!-- routes:begin -->\n") + "<!-- routes:begin -->\n".length();
        int end = doc.indexOf("<!-- routes:end -->");
        String expected = table();
        assertEquals(
                expected,
                doc.substring(begin, end),
                "docs/api.md's route table is out of date; it should be:\n" + expected);
    }

    @Test
    void everyRouteTheDocsMentionExists() throws IOException {
        Set<String> known = new HashSet<>(HAND_WRITTEN);
        for (Binding b : bindings()) {
            known.add(shape(b.method(), b.path()));
        }
        List<Path> docs = new ArrayList<>(List.of(root().resolve("README.md")));
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs) {
            Matcher m = MENTION.matcher(Files.readString(doc));
            while (m.find()) {
                if (!known.contains(shape(m.group(1), m.group(2)))) {
                    unknown.add(root().relativize(doc) + ": " + m.group(1) + " " + m.group(2));
                }
            }
        }
        assertTrue(unknown.isEmpty(), "documented routes no binding serves:\n" + String.join("\n", unknown));
    }

    record Binding(String method, String path, String rpc, Access access) {}

    static List<Binding> bindings() {
        List<Binding> out = new ArrayList<>();
        for (ServiceDescriptor service : SERVICES) {
            for (var method : service.getMethods()) {
                Descriptors.MethodDescriptor d =
                        ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
                if (!d.getOptions().hasExtension(AnnotationsProto.http)) {
                    continue;
                }
                HttpRule rule = d.getOptions().getExtension(AnnotationsProto.http);
                String verb = rule.getPatternCase().name();
                String path = switch (rule.getPatternCase()) {
                    case GET -> rule.getGet();
                    case POST -> rule.getPost();
                    case PUT -> rule.getPut();
                    case PATCH -> rule.getPatch();
                    case DELETE -> rule.getDelete();
                    default -> throw new IllegalStateException(rule.toString());
                };
                out.add(new Binding(
                        verb,
                        path,
                        d.getService().getName() + "." + d.getName(),
                        d.getOptions().getExtension(AccessProto.access)));
            }
        }
        return out;
    }

    /** One row per binding, by path then method: route, RPC, who may call it. */
    static String table() {
        TreeMap<String, String> rows = new TreeMap<>();
        for (Binding b : bindings()) {
            String who = b.access().getAnonymous()
                    ? "public"
                    : String.join(", ", b.access().getRolesList());
            String note = HandWritten.RPCS.containsKey(qualified(b.rpc())) ? " (hand-written)" : "";
            rows.put(
                    b.path() + " " + b.method(),
                    "| `" + b.method() + " " + b.path() + "` | `" + b.rpc() + "`" + note + " | " + who + " |\n");
        }
        StringBuilder out = new StringBuilder("| route | RPC | who may call it |\n|---|---|---|\n");
        rows.values().forEach(out::append);
        return out.toString();
    }

    private static String qualified(String rpc) {
        for (String full : HandWritten.RPCS.keySet()) {
            if (full.endsWith("." + rpc)) {
                return full;
            }
        }
        return rpc;
    }

    private static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }
}
