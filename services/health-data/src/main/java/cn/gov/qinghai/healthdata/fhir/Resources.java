package cn.gov.qinghai.healthdata.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Resource;

/** What every exported resource carries, and the date conversions (Beijing time) the builders share. */
final class Resources {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Resources() {}

    /** meta.lastUpdated, the confidentiality label (restricted: personal health data) and the language. */
    static void common(Resource r, Instant lastUpdated) {
        r.getMeta().setLastUpdated(Date.from(lastUpdated));
        r.getMeta()
                .addSecurity()
                .setSystem(FhirSystems.CONFIDENTIALITY)
                .setCode("R")
                .setDisplay("restricted");
        r.setLanguage(FhirSystems.LANGUAGE);
    }

    static DateType date(LocalDate d) {
        return new DateType(d.toString());
    }

    /** A day as a FHIR dateTime of day precision (e.g. "2025-03-01"). */
    static DateTimeType day(LocalDate d) {
        return new DateTimeType(d.toString());
    }

    static DateTimeType instant(Instant i) {
        DateTimeType t = new DateTimeType(Date.from(i), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(BEIJING));
        return t;
    }
}
