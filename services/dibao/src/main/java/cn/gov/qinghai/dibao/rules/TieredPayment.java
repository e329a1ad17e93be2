package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;

/**
 * 按档补助 (青政办〔2017〕86号 二(三): "实行据实补差，条件不具备的地区，可继续实行按档补助"). The county's tiers are a
 * published county setting ({@link PaymentMethodApplied}); the tier model is decided in
 * {@code parameters/payment_method.yaml}: the per-capita annual gap (standard − per-capita assessed income) selects the
 * first tier whose upper bound it does not exceed (inclusive), and the tier pays its amount per person per month.
 */
public final class TieredPayment {
    private TieredPayment() {}

    /** The benefit paid and the tier that gave it (1-based, in words). */
    public record Result(BigDecimal monthly, String tier) {}

    public static Result apply(
            PaymentMethodApplied method,
            BigDecimal annualStandard,
            BigDecimal perCapita,
            int size,
            ExplanationBuilder why) {
        BigDecimal gapPerPerson = annualStandard.subtract(perCapita);
        int index = 0;
        PaymentMethodApplied.Tier chosen = null;
        for (int i = 0; i < method.tiers().size(); i++) {
            PaymentMethodApplied.Tier t = method.tiers().get(i);
            if (t.annualGapUpTo() == null || gapPerPerson.compareTo(t.annualGapUpTo()) <= 0) {
                chosen = t;
                index = i + 1;
                break;
            }
        }
        if (chosen == null) {
            // validated on publication: the last tier is open-ended
            throw new IllegalStateException("tiers without an open-ended last tier");
        }
        BigDecimal monthly = Money.yuan(chosen.monthlyPerPerson().multiply(BigDecimal.valueOf(size)));
        String tier = "tier " + index + " (per-capita annual gap "
                + (chosen.annualGapUpTo() == null
                        ? "above the previous tier"
                        : "≤ " + Money.format(chosen.annualGapUpTo()))
                + ": " + Money.format(chosen.monthlyPerPerson()) + " per person a month)";
        why.step("按档补助 / Tiered payment")
                .formula(
                        "gapPerPerson = standard − perCapita; first tier with gapPerPerson ≤ annualGapUpTo (inclusive; "
                                + "last tier open-ended); monthly = tier amount × householdSize")
                .input("standard", Money.format(annualStandard))
                .input("perCapita", Money.format(perCapita))
                .input("gapPerPerson", Money.format(gapPerPerson))
                .input("householdSize", size)
                .input("countySetting", method.note())
                .result(tier + " → " + Money.format(monthly) + " CNY/month (replaces the exact gap)")
                .cite(method.citation())
                .add();
        return new Result(monthly, tier);
    }
}
