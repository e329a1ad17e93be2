package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.common.v1.Explanation;
import java.math.BigDecimal;
import java.util.List;

/** The result of assessing a household on a date; money already rounded HALF_UP to 0.01. */
public record Assessment(boolean eligible, StandardApplied standard, int householdSize, BigDecimal countedIncome,
                         BigDecimal perCapita, BigDecimal monthlyGap, List<AllowanceLine> allowances,
                         BigDecimal monthlyAllowances, BigDecimal monthlyTotal, Explanation explanation) {
}
