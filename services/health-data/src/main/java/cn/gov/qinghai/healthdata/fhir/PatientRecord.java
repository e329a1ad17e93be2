package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.Recorded;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything stored about one resident that an export may show, with the moment of the export. {@code consents}
 * holds only the consents the purpose may see (for treatment: the grant that allowed the read).
 */
public record PatientRecord(
        ResidentRow resident,
        List<EntryRow> entries,
        Map<UUID, List<MeasurementRow>> measurements,
        List<EncounterRow> encounters,
        Map<UUID, List<PrescriptionRow>> prescriptions,
        List<ConsentRow> consents,
        Map<UUID, Recorded> recorded,
        Instant now,
        LocalDate today) {

    Recorded recordedOf(UUID rowId) {
        return recorded.getOrDefault(rowId, new Recorded("unknown", resident.createdAt()));
    }
}
