package cn.gov.qinghai.enterprisecost.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code investment_project} (V2__investment_project_approvals.sql): a project on the approval clock.
 * Changes go through the version-checked update of {@link InvestmentProjectRepository}, each with an
 * {@link InvestmentProjectStepRow}.
 */
@MappedEntity("investment_project")
public record InvestmentProjectRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String projectCode,
        String projectName,
        @MappedProperty("enterprise_credit_code") String creditCode,
        String region,
        String leadDepartment,
        String currentDepartment,
        String status,
        LocalDate receivedOn,
        LocalDate dueOn,
        boolean dueProvisional,
        int workingDaysLimit,
        @Nullable LocalDate decidedOn,
        String decisionNote,
        String registeredBy,
        Instant registeredAt,
        long version) {}
