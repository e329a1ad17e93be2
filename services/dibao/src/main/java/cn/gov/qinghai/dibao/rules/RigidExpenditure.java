package cn.gov.qinghai.dibao.rules;

import java.math.BigDecimal;

/**
 * One member's rigid expenditure in the year (刚性支出, 青政办〔2017〕86号 二(二)), yuan, each never {@code null}.
 *
 * @param majorIllnessSource where the major-illness figure came from: "declared" or the health-data source
 */
public record RigidExpenditure(
        BigDecimal majorIllness, BigDecimal education, BigDecimal disability, String majorIllnessSource) {

    public static final RigidExpenditure NONE =
            new RigidExpenditure(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "declared");

    public BigDecimal total() {
        return majorIllness.add(education).add(disability);
    }

    public boolean any() {
        return total().signum() > 0;
    }

    /** The same expenditure with the major-illness cost replaced by a verified figure. */
    public RigidExpenditure withVerifiedMajorIllness(BigDecimal amount, String source) {
        return new RigidExpenditure(amount, education, disability, source);
    }
}
