package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.broadband.data.ReportRow;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Cumulative investment (投入 since 2017-01-01, 实施方案 一(一)) reported monthly (四(四)) can only grow: a figure
 * below the project's previous figure (an earlier month, or this month's earlier report) is accepted only as a
 * correction with a stated reason; a figure above a later month's figure is refused (correct the later month
 * first, so the series stays non-decreasing); a figure above the plan is accepted and flagged (decision in
 * {@code broadband.reporting}).
 */
public final class CumulativeInvestmentRule {

    /** @param correction the figure lowers an earlier one (reason given) */
    public record Outcome(boolean correction, boolean beyondPlan) {}

    private CumulativeInvestmentRule() {}

    public static Outcome check(
            BigDecimal value,
            BigDecimal planned,
            Optional<ReportRow> earlierMonth,
            Optional<ReportRow> sameMonth,
            Optional<ReportRow> laterMonth,
            String reason) {
        BigDecimal floor = null;
        String floorMonth = null;
        if (earlierMonth.isPresent()) {
            floor = earlierMonth.get().cumulativeYuan();
            floorMonth = earlierMonth.get().month().toString();
        }
        if (sameMonth.isPresent()
                && (floor == null || sameMonth.get().cumulativeYuan().compareTo(floor) > 0)) {
            floor = sameMonth.get().cumulativeYuan();
            floorMonth = sameMonth.get().month() + " (previous report of the month)";
        }
        boolean decrease = floor != null && value.compareTo(floor) < 0;
        if (decrease && (reason == null || reason.isBlank())) {
            throw ServiceException.failedPrecondition(
                            "CUMULATIVE_DECREASE_WITHOUT_CORRECTION",
                            "cumulativeInvestmentYuan " + Money.plain(value) + " is below " + Money.plain(floor)
                                    + " reported for "
                                    + floorMonth
                                    + "; cumulative investment never goes down except as a correction: give "
                                    + "correctionReason")
                    .withMetadata(Map.of("previousCumulativeYuan", Money.format(floor), "previousMonth", floorMonth));
        }
        if (laterMonth.isPresent() && value.compareTo(laterMonth.get().cumulativeYuan()) > 0) {
            throw ServiceException.failedPrecondition(
                            "CUMULATIVE_ABOVE_LATER_MONTH",
                            "cumulativeInvestmentYuan " + Money.plain(value) + " is above "
                                    + Money.plain(laterMonth.get().cumulativeYuan())
                                    + " already reported for the later month "
                                    + laterMonth.get().month() + "; correct that month first")
                    .withMetadata(Map.of(
                            "laterCumulativeYuan", Money.format(laterMonth.get().cumulativeYuan()),
                            "laterMonth", laterMonth.get().month().toString()));
        }
        return new Outcome(decrease, value.compareTo(planned) > 0);
    }
}
