package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code investment_project_step}: received, an approving step, or decided (append-only). */
@MappedEntity("investment_project_step")
public record InvestmentProjectStepRow(
        @Id @GeneratedValue Long id,
        Long projectId,
        String kind,
        String stepName,
        String department,
        @MappedProperty("on_date") LocalDate on,
        String actor,
        Instant recordedAt,
        String note) {}
