package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.Consent;
import cn.gov.qinghai.health.v1.Encounter;
import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.health.v1.HealthRecordEntry;
import cn.gov.qinghai.health.v1.Measurement;
import cn.gov.qinghai.health.v1.MeasurementKind;
import cn.gov.qinghai.health.v1.Prescription;
import cn.gov.qinghai.health.v1.Resident;
import cn.gov.qinghai.health.v1.Sex;
import cn.gov.qinghai.healthdata.data.Rows.ConsentRow;
import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.healthdata.data.Rows.EntryRow;
import cn.gov.qinghai.healthdata.data.Rows.MeasurementRow;
import cn.gov.qinghai.healthdata.data.Rows.PrescriptionRow;
import cn.gov.qinghai.healthdata.data.Rows.ResidentRow;
import cn.gov.qinghai.healthdata.rules.Finding;
import cn.gov.qinghai.healthdata.rules.Measure;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import java.time.LocalDate;
import java.util.List;

/** Rows to messages. */
final class Protos {
    private Protos() {}

    static Resident resident(ResidentRow r, boolean fullIdentity) {
        Resident.Builder b = Resident.newBuilder()
                .setId(r.id().toString())
                .setIdentityNumber(fullIdentity ? r.identityNumber() : ResidentId.mask(r.identityNumber()))
                .setName(fullIdentity ? r.name() : ResidentId.maskName(r.name()))
                .setSex(r.sex() == 'M' ? Sex.MALE : Sex.FEMALE)
                .setBirthDate(fullIdentity ? r.birthDate().toString() : "")
                .setRegion(r.region())
                .setLevel(Levels.proto(r.level()))
                .addAllQuality(Finding.decode(r.quality()))
                .setCreatedAt(r.createdAt().toString());
        if (r.healthCard() != null && fullIdentity) {
            b.setHealthCardNumber(r.healthCard());
        }
        return b.build();
    }

    static HealthRecordEntry entry(EntryRow e, List<MeasurementRow> measurements) {
        HealthRecordEntry.Builder b = HealthRecordEntry.newBuilder()
                .setId(e.id().toString())
                .setKind(e.kind())
                .setRecordedOn(e.recordedOn().toString())
                .setSummary(e.summary())
                .setRegion(e.region())
                .setLevel(Levels.proto(e.level()))
                .setOrganisation(e.organisation())
                .addAllQuality(Finding.decode(e.quality()));
        for (MeasurementRow m : measurements) {
            Measure kind = Measure.valueOf(m.kind());
            b.addMeasurements(Measurement.newBuilder()
                    .setKind(MeasurementKind.valueOf(m.kind()))
                    .setValue(m.value().stripTrailingZeros().toPlainString())
                    .setUnit(kind.ucum()));
        }
        return b.build();
    }

    static Encounter encounter(EncounterRow e, List<PrescriptionRow> prescriptions) {
        Encounter.Builder b = Encounter.newBuilder()
                .setId(e.id().toString())
                .setType(EncounterType.valueOf(e.type()))
                .setStartDate(e.startDate().toString())
                .setEndDate(e.endDate() == null ? "" : e.endDate().toString())
                .setRegion(e.region())
                .setLevel(Levels.proto(e.level()))
                .setOrganisation(e.organisation())
                .setDiagnosisCode(e.diagnosisCode())
                .setDiagnosisName(e.diagnosisName())
                .setTotalCost(Money.format(e.totalCost()))
                .setSelfPaid(Money.format(e.selfPaid()))
                .addAllQuality(Finding.decode(e.quality()));
        for (PrescriptionRow p : prescriptions) {
            b.addPrescriptions(Prescription.newBuilder()
                    .setId(p.id().toString())
                    .setDrugCode(p.drugCode())
                    .setDrugName(p.drugName())
                    .setDosage(p.dosage())
                    .setDays(p.days())
                    .setPrescribedOn(
                            p.prescribedOn() == null ? "" : p.prescribedOn().toString()));
        }
        return b.build();
    }

    static Consent consent(ConsentRow c, LocalDate today) {
        return Consent.newBuilder()
                .setId(c.id().toString())
                .setOrganisation(c.organisation())
                .setPurpose(c.purpose())
                .setValidFrom(c.validFrom().toString())
                .setValidTo(c.validTo() == null ? "" : c.validTo().toString())
                .setGrantedAt(c.grantedAt().toString())
                .setGrantedBy(ResidentId.isValid(c.grantedBy(), today) ? ResidentId.mask(c.grantedBy()) : c.grantedBy())
                .setRevokedAt(c.revokedAt() == null ? "" : c.revokedAt().toString())
                .setRevokedBy(
                        c.revokedBy() == null
                                ? ""
                                : ResidentId.isValid(c.revokedBy(), today)
                                        ? ResidentId.mask(c.revokedBy())
                                        : c.revokedBy())
                .setActive(c.activeOn(today))
                .build();
    }
}
