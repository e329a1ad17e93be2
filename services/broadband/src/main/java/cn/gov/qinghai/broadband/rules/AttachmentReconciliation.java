package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.seed.SeedNote;
import cn.gov.qinghai.broadband.seed.SummaryCell;
import cn.gov.qinghai.broadband.v1.Discrepancy;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reconciles 附件3 (投入计划汇总表, owner × category, with subtotals and totals) against the rows of 附件2 (项目明细表)
 * of 青政办〔2017〕93号: every cell is compared with the exact sum of the project rows it summarises, both as printed
 * and after the repairs of {@code repairs.yaml}. A blank cell counts as 0 (seed U6). Differences are classified:
 * REPAIRED (a repair makes the cell agree), ROUNDED (the printed figure is the exact sum rounded to its printed
 * decimals), MISMATCH (nothing explains it).
 */
public final class AttachmentReconciliation {

    /** @param cellsAgree every owner cell (totals row excluded) equals the rows after repairs */
    public record Result(List<Discrepancy> discrepancies, boolean cellsAgree) {}

    private AttachmentReconciliation() {}

    public static Result reconcile(
            List<SummaryCell> cells,
            List<ProjectRow> rows,
            Map<String, String> ownerAliases,
            List<SeedNote> unresolved) {
        List<Discrepancy> out = new ArrayList<>();
        boolean agree = true;
        for (SummaryCell c : cells) {
            BigDecimal sum = rowsSum(rows, c.owner(), c.column(), ownerAliases);
            BigDecimal printed = amount(c.printedYi());
            BigDecimal effective = amount(c.effectiveYi());
            boolean printedOk = printed.compareTo(sum) == 0;
            boolean effectiveOk = effective.compareTo(sum) == 0;
            if (!effectiveOk && !c.owner().equals(SeedData.PROVINCE_ROW)) {
                agree = false;
            }
            if (printedOk && effectiveOk) {
                continue;
            }
            String kind;
            if (effectiveOk) {
                kind = "REPAIRED";
            } else if (effective.scale() >= 0
                    && sum.setScale(Math.max(0, effective.scale()), RoundingMode.HALF_UP)
                                    .compareTo(effective)
                            == 0) {
                kind = "ROUNDED";
            } else {
                kind = "MISMATCH";
            }
            var d = Discrepancy.newBuilder()
                    .setOwner(c.owner())
                    .setColumn(c.column())
                    .setPrintedYi(c.printedYi())
                    .setEffectiveYi(c.effectiveYi())
                    .setRowsSumYi(Money.plain(sum))
                    .addAllRepairs(c.repairs())
                    .setKind(kind);
            if (!effectiveOk) {
                unresolved.stream()
                        .filter(u -> u.table().startsWith("附件3") || u.table().contains("附件3"))
                        .filter(u -> u.seedText().equals(c.printedYi()))
                        .forEach(u -> d.addUnresolved(u.id()));
            }
            out.add(d.build());
        }
        return new Result(List.copyOf(out), agree);
    }

    /** Exact sum (亿元) of the 附件2 rows an 附件3 cell summarises. */
    public static BigDecimal rowsSum(List<ProjectRow> rows, String owner, String column, Map<String, String> aliases) {
        Predicate<ProjectRow> byOwner = owner.equals(SeedData.PROVINCE_ROW)
                ? p -> true
                : p -> p.owner().equals(aliases.getOrDefault(owner, owner));
        Predicate<ProjectRow> byColumn;
        if (column.equals(SeedData.TOTAL)) {
            byColumn = p -> true;
        } else if (column.endsWith("小计")) {
            String programme = column.substring(0, column.length() - "小计".length());
            byColumn = p -> p.programme().equals(programme);
        } else {
            byColumn = p -> p.category().equals(column);
        }
        return rows.stream()
                .filter(byOwner.and(byColumn))
                .map(p -> new BigDecimal(p.plannedYi()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal amount(String yi) {
        return yi == null || yi.isBlank() ? BigDecimal.ZERO : new BigDecimal(yi);
    }
}
