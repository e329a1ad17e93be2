package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.ExportResidentFhirRequest;
import cn.gov.qinghai.health.v1.ExportResidentFhirResponse;
import cn.gov.qinghai.healthdata.data.RecordStore;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.fhir.FhirBundle;
import cn.gov.qinghai.healthdata.fhir.Json;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exports a resident's record as FHIR R4 JSON (access as for reading it; audited as EXPORT). */
@Singleton
public class ExportService {

    private final RecordService records;
    private final RecordStore store;
    private final AuditTrail audit;

    public ExportService(RecordService records, RecordStore store, AuditTrail audit) {
        this.records = records;
        this.store = store;
        this.audit = audit;
    }

    @Transactional(noRollbackFor = AccessDenied.class)
    public ExportResidentFhirResponse export(ExportResidentFhirRequest request) {
        ResidentRow r = records.authorise(request.getIdentityNumber(), request.getPurpose(), "EXPORT", "resident");
        List<FhirBundle.EncounterWithLines> encounters = new ArrayList<>();
        var prescriptions = store.prescriptionsOfResident(r.id());
        for (EncounterRow e : store.encounters(r.id())) {
            encounters.add(new FhirBundle.EncounterWithLines(e, prescriptions.getOrDefault(e.id(), List.of())));
        }
        Map<String, Object> bundle = FhirBundle.everything(r, encounters);
        audit.append(Event.granted(request.getPurpose(), "EXPORT", "resident", r.id().toString(), r.id())
                .withDetail("format=fhir-r4"));
        return ExportResidentFhirResponse.newBuilder().setFhirJson(Json.write(bundle))
                .setResourceCount((Integer) bundle.get("total")).build();
    }
}
