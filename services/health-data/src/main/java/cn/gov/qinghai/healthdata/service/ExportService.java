package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.ExportResidentFhirResponse;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.fhir.EverythingBundle;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.hl7.fhir.r4.model.Bundle;

/** Exports a resident's record as FHIR R4 JSON (access as for reading it; audited as EXPORT). */
@Singleton
public class ExportService {

    private final RecordService records;
    private final FhirRecords fhir;
    private final AuditTrail audit;
    private final Clock clock;

    public ExportService(RecordService records, FhirRecords fhir, AuditTrail audit, Clock clock) {
        this.records = records;
        this.fhir = fhir;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ExportResidentFhirResponse export(ExportResidentFhirRequest request) {
        ResidentRow r = records.authorise(request.getIdentityNumber(), request.getPurpose(), "EXPORT", "resident");
        Bundle bundle = EverythingBundle.whole(fhir.items(r, request.getPurpose()), clock.instant());
        audit.append(Event.granted(request.getPurpose(), "EXPORT", "resident", r.id().toString(), r.id())
                .withDetail("format=fhir-r4"));
        return ExportResidentFhirResponse.newBuilder()
                .setFhirJson(Fhir.json(bundle))
                .setResourceCount(bundle.getEntry().size())
                .build();
    }
}
