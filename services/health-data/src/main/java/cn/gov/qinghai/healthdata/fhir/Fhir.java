package cn.gov.qinghai.healthdata.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The one FHIR R4 context of the service (expensive to build, thread-safe) and its JSON serialisation. */
public final class Fhir {
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {}

    public static FhirContext context() {
        return CONTEXT;
    }

    /** Compact JSON as HAPI writes it (numbers, escapes and element order per the R4 JSON format). */
    public static String json(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    public static IParser parser() {
        return CONTEXT.newJsonParser().setPrettyPrint(false);
    }

    /** A stable id for a resource derived from a stored row (e.g. the Condition of an encounter). */
    public static String derivedId(String kind, Object key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    public static String urn(String id) {
        return "urn:uuid:" + id;
    }
}
