package cn.gov.qinghai.enterprisecost.calculators;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.kit.money.Money;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a calculator found: eligibility, the main amount (rounded HALF_UP to 0.01 here, once), named outputs
 * (amounts, rates, yes/no), reasons for ineligibility and the explanation.
 */
public final class CalculationResult {

    private boolean eligible = true;
    private BigDecimal amount;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final List<String> reasons = new ArrayList<>();
    private Explanation explanation = Explanation.getDefaultInstance();

    /** Records why the applicant is not eligible; any reason makes the result ineligible. */
    public CalculationResult notEligible(String reason) {
        eligible = false;
        reasons.add(reason);
        return this;
    }

    /** The main amount in yuan, unrounded; it is rounded once when written. */
    public CalculationResult amount(BigDecimal value) {
        this.amount = value;
        return this;
    }

    /** An amount in yuan: rounded HALF_UP to 0.01 when written. */
    public CalculationResult money(String name, BigDecimal value) {
        outputs.put(name, Money.format(value));
        return this;
    }

    /** A rate or other exact decimal, written without trailing zeros removed beyond its scale. */
    public CalculationResult decimal(String name, BigDecimal value) {
        outputs.put(name, value.toPlainString());
        return this;
    }

    public CalculationResult flag(String name, boolean value) {
        outputs.put(name, value);
        return this;
    }

    public CalculationResult text(String name, String value) {
        outputs.put(name, value);
        return this;
    }

    public CalculationResult explanation(Explanation value) {
        this.explanation = value;
        return this;
    }

    public boolean eligible() {
        return eligible;
    }

    public BigDecimal amount() {
        return amount == null ? null : Money.yuan(amount);
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    public Explanation explanation() {
        return explanation;
    }

    public Calculation toProto(String calculatorId, String date) {
        Calculation.Builder c = Calculation.newBuilder()
                .setCalculatorId(calculatorId)
                .setDate(date)
                .setEligible(eligible)
                .addAllReasons(reasons)
                .setExplanation(explanation);
        if (amount != null) {
            c.setAmount(Money.format(amount));
        }
        outputs.forEach((k, v) -> c.putOutputs(
                k,
                v instanceof Boolean b
                        ? Value.newBuilder().setBoolValue(b).build()
                        : Value.newBuilder().setStringValue(v.toString()).build()));
        return c.build();
    }
}
