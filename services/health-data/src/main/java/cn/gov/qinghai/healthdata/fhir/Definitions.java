package cn.gov.qinghai.healthdata.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * The conformance resources this platform publishes (served at {@code /fhir/StructureDefinition/{id}} and
 * {@code /fhir/CodeSystem/{id}}, and loaded by the validator in the tests): the region-code extension and the code
 * systems the exports use that HL7 does not define. Kept as JSON files under {@code fhir/definitions/}.
 */
public final class Definitions {
    private static final List<String> FILES = List.of(
            "StructureDefinition-qinghai-region-code",
            "CodeSystem-gb-t-2260",
            "CodeSystem-icd-10-cn-clinical",
            "CodeSystem-record-entry-kind");
    private static final Map<String, Resource> BY_KEY = load();

    private Definitions() {}

    /** A definition by resource type and id, e.g. ("StructureDefinition", "qinghai-region-code"). */
    public static Optional<Resource> find(String type, String id) {
        return Optional.ofNullable(BY_KEY.get(type + "/" + id));
    }

    public static List<Resource> all() {
        return List.copyOf(BY_KEY.values());
    }

    private static Map<String, Resource> load() {
        Map<String, Resource> out = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = Definitions.class.getResourceAsStream("/fhir/definitions/" + file + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("missing definition " + file);
                }
                Resource r =
                        (Resource) Fhir.parser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                out.put(r.fhirType() + "/" + r.getIdPart(), r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
