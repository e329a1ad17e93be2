package cn.gov.qinghai.healthdata.fhir;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds HAPI's model of every resource type the service writes while the service starts, not on the first
 * export: HAPI scans each resource class on first use, which takes seconds on a loaded machine and made the first
 * export of a fresh service miss the gateway's deadline.
 */
@Context
public class FhirWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(FhirWarmUp.class);
    private static final List<String> TYPES = List.of(
            "Bundle",
            "Patient",
            "Encounter",
            "Condition",
            "MedicationRequest",
            "Observation",
            "Consent",
            "Provenance",
            "Invoice",
            "Organization",
            "Practitioner",
            "AuditEvent",
            "CapabilityStatement",
            "OperationOutcome");

    public FhirWarmUp() {
        long t0 = System.nanoTime();
        Bundle bundle = new Bundle();
        for (String type : TYPES) {
            Resource r = (Resource) Fhir.context().getResourceDefinition(type).newInstance();
            r.setId(Fhir.derivedId(type, "warm-up"));
            bundle.addEntry().setResource(r);
        }
        Fhir.parser().parseResource(Fhir.json(bundle));
        Definitions.all();
        AtcNames.name("C09AA02");
        LOG.info("FHIR model ready in {} ms ({} resource types)", (System.nanoTime() - t0) / 1_000_000, TYPES.size());
    }
}
