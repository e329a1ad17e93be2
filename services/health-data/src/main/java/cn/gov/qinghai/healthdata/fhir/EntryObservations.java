package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import cn.gov.qinghai.healthdata.rules.Measure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A health-record entry as Observations: one for the entry itself (its kind under the platform's
 * record-entry-kind code system, the summary as the value) whose {@code hasMember} lists one Observation per
 * measurement, LOINC-coded and conforming to the R4 vital-signs profiles. Systolic and diastolic pressure together
 * make one blood pressure panel (85354-9) with two components; alone, each is its own Observation.
 */
final class EntryObservations {

    /** LOINC code, LOINC display, R4 vital-signs profile (null: not a vital sign) of each measurement kind. */
    private record Loinc(String code, String display, String profile) {}

    private static final Map<Measure, Loinc> LOINC = Map.of(
            Measure.SYSTOLIC_BLOOD_PRESSURE, new Loinc("8480-6", "Systolic blood pressure", null),
            Measure.DIASTOLIC_BLOOD_PRESSURE, new Loinc("8462-4", "Diastolic blood pressure", null),
            Measure.HEART_RATE, new Loinc("8867-4", "Heart rate", "heartrate"),
            Measure.BODY_TEMPERATURE, new Loinc("8310-5", "Body temperature", "bodytemp"),
            Measure.BODY_WEIGHT, new Loinc("29463-7", "Body weight", "bodyweight"),
            Measure.BODY_HEIGHT, new Loinc("8302-2", "Body height", "bodyheight"),
            Measure.FASTING_BLOOD_GLUCOSE,
                    new Loinc("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma", null));
    private static final Map<String, String> KIND_NAMES = Map.of(
            "HEALTH_CHECK",
            "健康体检 (health check)",
            "VACCINATION",
            "预防接种 (vaccination)",
            "CHRONIC_FOLLOW_UP",
            "慢病随访 (chronic disease follow-up)",
            "MATERNAL_CARE",
            "孕产妇保健 (maternal care)",
            "CHILD_CARE",
            "儿童保健 (child care)"); // as in CodeSystem-record-entry-kind.json

    private EntryObservations() {}

    static List<Resource> of(
            EntryRow entry, List<MeasurementRow> measurements, Reference patient, Parties parties, Instant recorded) {
        Map<Measure, MeasurementRow> byKind = new HashMap<>();
        measurements.forEach(m -> byKind.put(Measure.valueOf(m.kind()), m));
        List<Observation> members = new ArrayList<>();
        MeasurementRow sys = byKind.remove(Measure.SYSTOLIC_BLOOD_PRESSURE);
        MeasurementRow dia = byKind.remove(Measure.DIASTOLIC_BLOOD_PRESSURE);
        if (sys != null && dia != null) {
            Observation bp = base(entry, "bp", patient, parties, recorded, true);
            bp.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/bp");
            bp.setCode(loinc("85354-9", "Blood pressure panel with all children optional", "血压"));
            bp.addComponent()
                    .setCode(loinc("8480-6", "Systolic blood pressure", "收缩压"))
                    .setValue(quantity(sys, Measure.SYSTOLIC_BLOOD_PRESSURE));
            bp.addComponent()
                    .setCode(loinc("8462-4", "Diastolic blood pressure", "舒张压"))
                    .setValue(quantity(dia, Measure.DIASTOLIC_BLOOD_PRESSURE));
            Narratives.set(bp, "血压 Blood pressure: " + plain(sys) + "/" + plain(dia) + " mmHg, " + entry.recordedOn());
            members.add(bp);
        } else {
            if (sys != null) {
                byKind.put(Measure.SYSTOLIC_BLOOD_PRESSURE, sys);
            }
            if (dia != null) {
                byKind.put(Measure.DIASTOLIC_BLOOD_PRESSURE, dia);
            }
        }
        for (Measure kind : Measure.values()) {
            MeasurementRow m = byKind.get(kind);
            if (m == null) {
                continue;
            }
            Loinc l = LOINC.get(kind);
            boolean vital = kind != Measure.FASTING_BLOOD_GLUCOSE;
            Observation o = base(entry, kind.name(), patient, parties, recorded, vital);
            if (l.profile() != null) {
                o.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/" + l.profile());
            }
            o.setCode(loinc(l.code(), l.display(), null));
            o.setValue(quantity(m, kind));
            Narratives.set(o, l.display() + ": " + plain(m) + " " + kind.ucum() + ", " + entry.recordedOn());
            members.add(o);
        }
        Observation record = new Observation();
        record.setId(entry.id().toString());
        Resources.common(record, recorded);
        record.setStatus(Observation.ObservationStatus.FINAL);
        String kindName = KIND_NAMES.getOrDefault(entry.kind(), entry.kind());
        record.getCode()
                .setText(kindName)
                .addCoding()
                .setSystem(FhirSystems.ENTRY_KIND)
                .setCode(entry.kind())
                .setDisplay(kindName);
        record.setSubject(patient);
        record.setEffective(Resources.day(entry.recordedOn()));
        record.addPerformer(parties.organisation(entry.organisation()));
        record.setValue(new org.hl7.fhir.r4.model.StringType(entry.summary()));
        members.forEach(m -> record.addHasMember(new Reference(Fhir.urn(m.getIdPart()))));
        Narratives.set(
                record, "健康档案记录 " + kindName + " " + entry.recordedOn(), entry.summary(), "机构 " + entry.organisation());
        List<Resource> out = new ArrayList<>();
        out.add(record);
        out.addAll(members);
        return out;
    }

    private static Observation base(
            EntryRow entry, String key, Reference patient, Parties parties, Instant recorded, boolean vital) {
        Observation o = new Observation();
        o.setId(Fhir.derivedId("Observation", entry.id() + "/" + key));
        Resources.common(o, recorded);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory()
                .addCoding()
                .setSystem(FhirSystems.OBSERVATION_CATEGORY)
                .setCode(vital ? "vital-signs" : "laboratory")
                .setDisplay(vital ? "Vital Signs" : "Laboratory");
        o.setSubject(new Reference(patient.getReference()));
        o.setEffective(Resources.day(entry.recordedOn()));
        o.addPerformer(parties.organisation(entry.organisation()));
        return o;
    }

    private static CodeableConcept loinc(String code, String display, String text) {
        CodeableConcept c = new CodeableConcept();
        c.addCoding().setSystem(FhirSystems.LOINC).setCode(code).setDisplay(display);
        return text == null ? c.setText(display) : c.setText(text);
    }

    private static Quantity quantity(MeasurementRow m, Measure kind) {
        String unit = kind.ucum();
        return new Quantity()
                .setValue(m.value().stripTrailingZeros())
                .setUnit(unit.equals("mm[Hg]") ? "mmHg" : unit)
                .setSystem(FhirSystems.UCUM)
                .setCode(unit);
    }

    private static String plain(MeasurementRow m) {
        return m.value().stripTrailingZeros().toPlainString();
    }
}
