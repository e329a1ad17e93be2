package cn.gov.qinghai.healthdata.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Rows of the health-record tables, as plain records. Those marked {@code @MappedEntity} are read and written by
 * their repositories; ids are chosen by the caller.
 */
public final class Rows {
    private Rows() {}

    @MappedEntity("resident")
    public record ResidentRow(
            @Id UUID id,
            String requestId,
            String identityNumber,
            String name,
            @Nullable @MappedProperty("health_card_number") String healthCard,
            char sex,
            LocalDate birthDate,
            String region,
            @MappedProperty("platform_level") int level,
            String quality,
            String createdBy,
            Instant createdAt) {}

    /** {@code createdBy}/{@code createdAt}: who recorded it (token subject) and when. */
    @MappedEntity("record_entry")
    public record EntryRow(
            @Id UUID id,
            String requestId,
            UUID residentId,
            String kind,
            LocalDate recordedOn,
            String summary,
            String region,
            @MappedProperty("platform_level") int level,
            String organisation,
            String quality,
            String createdBy,
            Instant createdAt) {}

    /** {@code createdBy}/{@code createdAt}: who recorded it (token subject) and when. */
    @MappedEntity("encounter")
    public record EncounterRow(
            @Id UUID id,
            String requestId,
            UUID residentId,
            @MappedProperty("encounter_type") String type,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            String region,
            @MappedProperty("platform_level") int level,
            String organisation,
            String diagnosisCode,
            String diagnosisName,
            BigDecimal totalCost,
            BigDecimal selfPaid,
            char sex,
            int ageAtStart,
            String quality,
            String createdBy,
            Instant createdAt) {}

    /** {@code prescribedOn} is null where the date was not recorded. */
    @MappedEntity("prescription")
    public record PrescriptionRow(
            @Id UUID id,
            UUID encounterId,
            int position,
            String drugCode,
            String drugName,
            String dosage,
            int days,
            @Nullable LocalDate prescribedOn) {}

    /** One measurement of a health-record entry, in the unit fixed by its kind (key: entry id and kind). */
    @MappedEntity("entry_measurement")
    public record MeasurementRow(UUID entryId, String kind, BigDecimal value) {}

    /** Who recorded a row (token subject) and when. */
    public record Recorded(String by, Instant at) {}

    @MappedEntity("consent")
    public record ConsentRow(
            @Id UUID id,
            String requestId,
            UUID residentId,
            String organisation,
            String purpose,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String grantedBy,
            Instant grantedAt,
            @Nullable String revokedBy,
            @Nullable Instant revokedAt) {
        /** In force on {@code day}: not revoked and inside the period. */
        public boolean activeOn(LocalDate day) {
            return revokedAt == null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }
}
