package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.common.v1.Explanation;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of assessing a household on a date; money already rounded HALF_UP to 0.01.
 *
 * @param perCapita         assessed income per person (after the rigid-expenditure deduction), the figure compared
 *                          with the standard
 * @param rigidDeducted     rigid expenditure deducted from counted income (二(二)), yuan per year
 * @param assessedIncome    counted income − rigid expenditure deducted (never below 0), yuan per year
 * @param expenditureType   eligible only because of rigid expenditure (支出型贫困)
 * @param paymentMethod     "GAP" (据实补差) or "TIERED" (按档补助): how {@code monthlyGap} was computed
 * @param tier              the tier applied, in words, for TIERED; "" for GAP
 */
public record Assessment(
        boolean eligible,
        StandardApplied standard,
        int householdSize,
        BigDecimal countedIncome,
        BigDecimal perCapita,
        BigDecimal monthlyGap,
        List<AllowanceLine> allowances,
        BigDecimal monthlyAllowances,
        BigDecimal monthlyTotal,
        Explanation explanation,
        BigDecimal rigidDeducted,
        BigDecimal assessedIncome,
        boolean expenditureType,
        String paymentMethod,
        String tier) {}
