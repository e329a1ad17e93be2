package cn.gov.qinghai.healthdata.fhir;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource of a record with the care dates it covers ({@code from}–{@code to}, both inclusive; both null for
 * resources that are not care, such as Patient, Organization and Practitioner), for the {@code start}/{@code end}
 * filter of {@code $everything}.
 */
public record RecordItem(Resource resource, LocalDate from, LocalDate to) {

    static RecordItem undated(Resource r) {
        return new RecordItem(r, null, null);
    }

    public boolean dated() {
        return from != null;
    }
}
