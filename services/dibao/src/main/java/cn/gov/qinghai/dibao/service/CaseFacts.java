package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.CaseRepository;
import cn.gov.qinghai.dibao.data.CaseRow;
import cn.gov.qinghai.dibao.rules.CountedIncome;
import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.rules.IncomeTypes;
import cn.gov.qinghai.dibao.rules.Person;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.identity.ResidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Records the facts of an approved case in columns (V5__caseload_facts.sql), so the caseload simulation assesses
 * every case in one SQL statement: counted income and rigid expenditure of the household as approved (the rules'
 * own computation, CountedIncome and the verified major-illness costs), and per member the birth date, disability
 * grade, bedridden and fixed-income flags. What depends on the month (ages) or on parameters a reform may change
 * (standard, allowance amounts, rigid-expenditure ratio) stays out, so SQL computes it with the month's values.
 */
@Singleton
public class CaseFacts {

    private final CaseRepository cases;
    private final IncomeTypes incomeTypes;

    public CaseFacts(CaseRepository cases, IncomeTypes incomeTypes) {
        this.cases = cases;
        this.incomeTypes = incomeTypes;
    }

    /** Writes the facts of {@code row} as of {@code date} (the approval day). The caller holds the transaction. */
    public void record(CaseRow row, LocalDate date) {
        HouseholdFacts facts = CaseViews.facts(row, date);
        BigDecimal counted = CountedIncome.compute(facts, incomeTypes.at(date), new ExplanationBuilder());
        BigDecimal rigid =
                facts.members().stream().map(p -> p.rigid().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        cases.recordFacts(row.id(), counted, rigid, facts.singleParent());
        Household h = CaseViews.household(row);
        List<Person> people = facts.members();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            cases.recordMemberFacts(
                    row.id(),
                    i,
                    ResidentId.birthDate(h.getMembers(i).getIdNumber()),
                    p.disabilityGrade() == null ? null : p.disabilityGrade().shortValue(),
                    p.bedridden(),
                    p.hasFixedIncome());
        }
    }

    /**
     * Fills in the facts of up to {@code limit} paid cases (approved or exited) after {@code afterId} that have none
     * (approved before V5); returns the last id handled, or -1 when none was left.
     */
    @Transactional
    public long backfill(long afterId, int limit) {
        List<CaseRow> rows = cases.paidWithoutFacts(afterId, limit);
        for (CaseRow row : rows) {
            record(
                    row,
                    row.approvedAt() == null
                            ? LocalDate.now(PlatformGrpcFactory.CHINA)
                            : row.approvedAt().atZone(PlatformGrpcFactory.CHINA).toLocalDate());
        }
        return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).id();
    }
}
