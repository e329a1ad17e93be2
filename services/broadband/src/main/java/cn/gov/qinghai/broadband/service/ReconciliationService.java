package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.ProjectRepository;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.rules.AttachmentReconciliation;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.v1.Reconciliation;
import cn.gov.qinghai.broadband.v1.Repair;
import cn.gov.qinghai.broadband.v1.UnresolvedItem;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;

/** GetReconciliation (public): 附件3 vs 附件2 discrepancies, every repair with its evidence, unresolved items. */
@Singleton
public class ReconciliationService {

    private final ProjectRepository projects;
    private final SeedData seed;
    private final ReportingRules rules;

    public ReconciliationService(ProjectRepository projects, SeedData seed, ReportingRules rules) {
        this.projects = projects;
        this.seed = seed;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        List<ProjectRow> rows = projects.seeded();
        var result = AttachmentReconciliation.reconcile(seed.summary(), rows, rules.ownerAliases(), seed.unresolved());
        BigDecimal total = rows.stream().map(ProjectRow::plannedYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        var out = Reconciliation.newBuilder()
                .addAllDiscrepancies(result.discrepancies())
                .setProjectCount(rows.size())
                .setTotalPlannedYuan(Money.plain(total))
                .setPromisedProjectCount(rules.promisedProjectCount())
                .setPromisedInvestmentYi(Money.plain(rules.promisedInvestmentYi()))
                .setCellsAgreeAfterRepairs(result.cellsAgree());
        seed.repairs()
                .forEach(r -> out.addRepairs(Repair.newBuilder()
                        .setId(r.id())
                        .setTable(r.table())
                        .setRow(r.row())
                        .setField(r.field())
                        .setSeedText(r.seedText())
                        .setRepairedValue(r.value())
                        .setEvidence(r.why())));
        seed.unresolved()
                .forEach(u -> out.addUnresolved(UnresolvedItem.newBuilder()
                        .setId(u.id())
                        .setTable(u.table())
                        .setRow(u.row())
                        .setField(u.field())
                        .setSeedText(u.seedText())
                        .setExplanation(u.why())));
        return out.build();
    }
}
