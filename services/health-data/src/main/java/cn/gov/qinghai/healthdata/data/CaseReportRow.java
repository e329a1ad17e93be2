package cn.gov.qinghai.healthdata.data;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code case_report}: one infectious-disease case report (传染病网络直报); the id is chosen by the caller. */
@MappedEntity("case_report")
public record CaseReportRow(
        @Id UUID id,
        String requestId,
        String identityNumber,
        String diseaseCode,
        String diseaseCategory,
        String classification,
        LocalDate onsetDate,
        LocalDate diagnosisDate,
        String county,
        String reportedBy,
        String organisation,
        Instant reportedAt) {}
