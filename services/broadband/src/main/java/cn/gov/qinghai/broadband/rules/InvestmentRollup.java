package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.broadband.data.LatestFigure;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.v1.InvestmentGroup;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plan vs actual investment by owner, category or programme, the grouping of 附件3 (投入计划汇总表) and of the monthly
 * publication (实施方案 四(四)). Always computed from the project rows (附件2) and each project's latest cumulative
 * figure, never copied from a printed total: planned = Σ planned of the group's projects (exact yuan), actual =
 * Σ latest cumulative investment, completion = actual / planned × 100 ({@link CompletionRate}). Groups appear in
 * document order of their first project.
 */
public final class InvestmentRollup {

    /** Totals of a set of projects. */
    public record Totals(int projects, BigDecimal planned, BigDecimal actual, int reporting, int beyondPlan) {
        public String completionPercent() {
            return CompletionRate.percent(actual, planned);
        }
    }

    private InvestmentRollup() {}

    public static Totals totals(List<ProjectRow> projects, Map<Long, LatestFigure> latest) {
        int reporting = 0;
        int beyond = 0;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (ProjectRow p : projects) {
            planned = planned.add(p.plannedYuan());
            LatestFigure f = latest.get(p.id());
            if (f != null) {
                reporting++;
                actual = actual.add(f.cumulativeYuan());
                if (f.cumulativeYuan().compareTo(p.plannedYuan()) > 0) {
                    beyond++;
                }
            }
        }
        return new Totals(projects.size(), planned, actual, reporting, beyond);
    }

    public static List<InvestmentGroup> groups(
            List<ProjectRow> projects, Map<Long, LatestFigure> latest, Function<ProjectRow, String> key) {
        Map<String, List<ProjectRow>> byKey = new LinkedHashMap<>();
        projects.forEach(
                p -> byKey.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        List<InvestmentGroup> out = new ArrayList<>();
        byKey.forEach((k, rows) -> out.add(group(k, totals(rows, latest))));
        return out;
    }

    public static InvestmentGroup group(String key, Totals t) {
        return InvestmentGroup.newBuilder()
                .setKey(key)
                .setProjectCount(t.projects())
                .setPlannedInvestmentYuan(Money.plain(t.planned()))
                .setActualInvestmentYuan(Money.format(t.actual()))
                .setCompletionRatePercent(t.completionPercent())
                .setReportingProjects(t.reporting())
                .setBeyondPlanProjects(t.beyondPlan())
                .build();
    }

    /** Grouping keys the API accepts. */
    public static Function<ProjectRow, String> keyFor(String groupBy) {
        return switch (groupBy) {
            case "owner" -> ProjectRow::owner;
            case "category" -> ProjectRow::category;
            case "programme" -> ProjectRow::programme;
            default -> null;
        };
    }
}
