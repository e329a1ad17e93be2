package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;

/**
 * The status of a prescription, consistent with its encounter: {@code active} while an inpatient stay is open;
 * after the encounter ended, {@code active} until the days of supply (counted from the prescription date, or from
 * the encounter's end when no date was recorded) are over, then {@code completed}.
 */
final class Prescriptions {
    private Prescriptions() {}

    static MedicationRequestStatus status(EncounterRow e, PrescriptionRow p, LocalDate today) {
        boolean open = e.endDate() == null && "INPATIENT".equals(e.type());
        if (open) {
            return MedicationRequestStatus.ACTIVE;
        }
        LocalDate from =
                p.prescribedOn() != null ? p.prescribedOn() : e.endDate() != null ? e.endDate() : e.startDate();
        LocalDate lastDay = from.plusDays(p.days() - 1L);
        return today.isAfter(lastDay) ? MedicationRequestStatus.COMPLETED : MedicationRequestStatus.ACTIVE;
    }
}
