package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.params.Citation;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a county pays the benefit on a date (青政办〔2017〕86号 二(三)): GAP (据实补差) or TIERED (按档补助).
 *
 * @param method   "GAP" or "TIERED"
 * @param tiers    ascending tiers for TIERED (the last one open-ended), empty for GAP
 * @param note     where the setting comes from, for the explanation
 * @param citation the county's citation, or 86号 二(三) for the default
 */
public record PaymentMethodApplied(String method, List<Tier> tiers, String note, Citation citation) {

    /**
     * One tier: households whose per-capita annual gap is at most {@code annualGapUpTo} (inclusive; {@code null} =
     * open-ended) get {@code monthlyPerPerson} per member a month.
     */
    public record Tier(BigDecimal annualGapUpTo, BigDecimal monthlyPerPerson) {}

    public PaymentMethodApplied {
        tiers = List.copyOf(tiers);
    }

    public static final PaymentMethodApplied GAP = new PaymentMethodApplied(
            "GAP",
            List.of(),
            "据实补差 (default: no county payment method published)",
            Citation.of("青政办〔2017〕86号", "二(三)"));

    public boolean tiered() {
        return "TIERED".equals(method);
    }
}
