package cn.gov.qinghai.healthdata.fhir;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;

/**
 * The free-text dosage of a prescription as a FHIR Dosage: the text always, and a structured dose and frequency
 * where the text has the common form "amount unit [frequency]" ("10 mg qd", "0.5 g bid", "5 ml tid"). Anything
 * else stays text only: nothing is guessed.
 */
public final class Dosages {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,5}(?:\\.\\d{1,3})?)\\s*(mg|g|µg|ug|mcg|ml|iu)\\s*(qd|bid|tid|qid|qn|qod)?",
            Pattern.CASE_INSENSITIVE);
    /** UCUM code of each unit spelling. */
    private static final Map<String, String> UCUM =
            Map.of("mg", "mg", "g", "g", "µg", "ug", "ug", "ug", "mcg", "ug", "ml", "mL", "iu", "[iU]");
    /** Times per day of each Latin abbreviation, and its HL7 timing code where R4 has one. */
    private record Frequency(int perPeriod, int periodDays, String code) {}

    private static final Map<String, Frequency> FREQUENCIES = Map.of(
            "qd",
            new Frequency(1, 1, "QD"),
            "bid",
            new Frequency(2, 1, "BID"),
            "tid",
            new Frequency(3, 1, "TID"),
            "qid",
            new Frequency(4, 1, "QID"),
            "qn",
            new Frequency(1, 1, null),
            "qod",
            new Frequency(1, 2, "QOD"));

    private Dosages() {}

    public static Dosage of(String text, int sequence) {
        Dosage d = new Dosage().setSequence(sequence).setText(text);
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return d;
        }
        String unit = UCUM.get(m.group(2).toLowerCase(Locale.ROOT));
        d.addDoseAndRate()
                .setDose(new Quantity()
                        .setValue(new BigDecimal(m.group(1)))
                        .setUnit(unit)
                        .setSystem(FhirSystems.UCUM)
                        .setCode(unit));
        if (m.group(3) != null) {
            Frequency f = FREQUENCIES.get(m.group(3).toLowerCase(Locale.ROOT));
            Timing timing = new Timing();
            timing.getRepeat()
                    .setFrequency(f.perPeriod())
                    .setPeriod(f.periodDays())
                    .setPeriodUnit(Timing.UnitsOfTime.D);
            if (f.code() != null) {
                timing.getCode()
                        .addCoding()
                        .setSystem(FhirSystems.TIMING_ABBREVIATION)
                        .setCode(f.code());
            }
            if ("qn".equalsIgnoreCase(m.group(3))) {
                timing.getRepeat().addWhen(Timing.EventTiming.HS);
            }
            d.setTiming(timing);
        }
        return d;
    }
}
