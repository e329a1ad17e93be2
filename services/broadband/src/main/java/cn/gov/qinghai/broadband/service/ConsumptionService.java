package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.ActualRepository;
import cn.gov.qinghai.broadband.data.ActualRow;
import cn.gov.qinghai.broadband.rules.CompletionRate;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.seed.ConsumptionTarget;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.v1.ConsumptionActual;
import cn.gov.qinghai.broadband.v1.ConsumptionNode;
import cn.gov.qinghai.broadband.v1.ConsumptionTargets;
import cn.gov.qinghai.broadband.v1.GetConsumptionTargetsRequest;
import cn.gov.qinghai.broadband.v1.RecordConsumptionActualRequest;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 附件1 2017年青海省信息消费目标 (实施方案 一(四): 300亿元 = 60 + 60 + 160 + 20) with actuals per node: each node's
 * latest actual, its completion against the target, and the sum of its children's actuals for comparison.
 */
@Singleton
public class ConsumptionService {

    private final SeedData seed;
    private final ActualRepository actuals;
    private final ActualRecorder recorder;
    private final ReportingRules rules;
    private final Set<String> ids;

    public ConsumptionService(SeedData seed, ActualRepository actuals, ActualRecorder recorder, ReportingRules rules) {
        this.seed = seed;
        this.actuals = actuals;
        this.recorder = recorder;
        this.rules = rules;
        this.ids = seed.consumption().flatten().stream()
                .map(ConsumptionTarget::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Transactional(readOnly = true)
    public ConsumptionTargets targets(GetConsumptionTargetsRequest request) {
        FieldErrors errors = new FieldErrors();
        YearMonth month = Months.optional(errors, "month", request.getMonth(), rules);
        errors.throwIfAny();
        return ConsumptionTargets.newBuilder()
                .setRoot(tree(month))
                .setCitation(Citation.of("青政办〔2017〕93号", "附件1 2017年青海省信息消费目标; 实施方案 一(四)")
                        .toProto())
                .build();
    }

    /** The tree with actuals up to {@code month}. Needs a transaction. */
    ConsumptionNode tree(YearMonth month) {
        Map<String, ActualRow> latest = actuals.latestUpTo(ActualRow.CONSUMPTION, month).stream()
                .collect(Collectors.toMap(ActualRow::subjectId, a -> a));
        return node(seed.consumption(), latest);
    }

    private static ConsumptionNode node(ConsumptionTarget t, Map<String, ActualRow> latest) {
        var b = ConsumptionNode.newBuilder()
                .setId(t.id())
                .setName(t.name())
                .setPrintedLabel(t.printedLabel())
                .setUnit(t.unit())
                .setTarget2017(t.target2017())
                .setAddsUp(t.addsUp());
        BigDecimal childSum = t.childrenSum();
        if (childSum != null) {
            b.setChildrenTargetSum(Money.plain(childSum));
        }
        ActualRow a = latest.get(t.id());
        if (a != null) {
            b.setLatestActual(Money.plain(a.value()))
                    .setLatestActualMonth(a.month().toString())
                    .setCompletionRatePercent(CompletionRate.percent(a.value(), new BigDecimal(t.target2017())));
        }
        BigDecimal actualSum = BigDecimal.ZERO;
        boolean all = !t.children().isEmpty();
        for (ConsumptionTarget c : t.children()) {
            ConsumptionNode child = node(c, latest);
            b.addChildren(child);
            if (child.getLatestActual().isEmpty()) {
                all = false;
            } else {
                actualSum = actualSum.add(new BigDecimal(child.getLatestActual()));
            }
        }
        if (all) {
            b.setChildrenActualSum(Money.plain(actualSum));
        }
        return b.build();
    }

    @Transactional
    public ConsumptionActual record(RecordConsumptionActualRequest r) {
        var rec = recorder.record(
                ActualRow.CONSUMPTION,
                "nodeId",
                r.getNodeId(),
                ids,
                "CONSUMPTION_NODE_NOT_FOUND",
                r.getRequestId(),
                r.getMonth(),
                r.getValue(),
                r.getNote());
        ActualRow a = rec.row();
        return ConsumptionActual.newBuilder()
                .setId(a.id())
                .setRequestId(a.requestId())
                .setNodeId(a.subjectId())
                .setMonth(a.month().toString())
                .setValue(Money.plain(a.value()))
                .setNote(a.note())
                .setRecordedBy(a.recordedBy())
                .setRecordedAt(a.recordedAt().toString())
                .setReplayed(rec.replayed())
                .build();
    }
}
