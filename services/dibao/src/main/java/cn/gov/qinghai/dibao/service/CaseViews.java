package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.dibao.data.CaseRow;
import cn.gov.qinghai.dibao.data.HistoryRow;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.ExitReason;
import cn.gov.qinghai.dibao.v1.HistoryEntry;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.MedicalChecks;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.money.Money;
import java.time.LocalDate;
import java.util.List;

/** Turns stored case rows into API messages; identity numbers are always masked. */
final class CaseViews {
    private CaseViews() {}

    static Household household(CaseRow row) {
        return ProtoJson.read(row.householdJson(), Household.newBuilder()).build();
    }

    /** What verification found about major medical expenses (empty before verification). */
    static List<cn.gov.qinghai.dibao.v1.MedicalExpenseCheck> medicalChecks(CaseRow row) {
        return row.medicalChecksJson() == null
                ? List.of()
                : ProtoJson.read(row.medicalChecksJson(), MedicalChecks.newBuilder())
                        .getChecksList();
    }

    /** The rules' view of a case on {@code date}: the household as declared with verified major-illness costs. */
    static cn.gov.qinghai.dibao.rules.HouseholdFacts facts(CaseRow row, LocalDate date) {
        return HouseholdValidation.facts(household(row), medicalChecks(row), date);
    }

    static Case toProto(CaseRow row, List<HistoryRow> history, LocalDate today) {
        Case.Builder c = Case.newBuilder()
                .setId(String.valueOf(row.id()))
                .setRequestId(row.requestId())
                .setStatus(CaseStatus.valueOf(row.status()))
                .setVersion(row.version())
                .setHousehold(HouseholdValidation.masked(household(row), today))
                .setSubmittedAt(row.submittedAt().toString());
        if (row.classification() != null) {
            c.setClassification(row.classification().trim());
        }
        if (row.monthlyTotal() != null) {
            c.setMonthlyGapBenefit(Money.format(row.monthlyGap()))
                    .setMonthlyAllowances(Money.format(row.monthlyAllowances()))
                    .setMonthlyTotal(Money.format(row.monthlyTotal()));
        }
        if (row.explanationJson() != null) {
            c.setExplanation(ProtoJson.read(row.explanationJson(), Explanation.newBuilder()));
        }
        if (row.medicalChecksJson() != null) {
            c.addAllMedicalChecks(ProtoJson.read(row.medicalChecksJson(), MedicalChecks.newBuilder())
                    .getChecksList());
        }
        if (row.approvedAt() != null) {
            c.setApprovedAt(row.approvedAt().toString());
        }
        if (row.exitReason() != null) {
            c.setExitReason(ExitReason.valueOf(row.exitReason()))
                    .setExitDate(row.exitDate().toString())
                    .setRetentionMonths(row.retentionMonths())
                    .setLastPaidMonth(row.lastPaidMonth().toString().substring(0, 7));
        }
        for (HistoryRow h : history) {
            c.addHistory(HistoryEntry.newBuilder()
                    .setSequence(h.sequence())
                    .setAction(h.action())
                    .setFromStatus(h.fromStatus())
                    .setToStatus(h.toStatus())
                    .setActor(h.actor())
                    .setAt(h.at().atZone(PlatformGrpcFactory.CHINA)
                            .toOffsetDateTime()
                            .toString())
                    .setNote(h.note()));
        }
        return c.build();
    }
}
