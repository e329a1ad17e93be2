package cn.gov.qinghai.kit.explain;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.NamedValue;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the explanation every computed answer carries: ordered steps, each with the formula in words, its inputs,
 * the parameters used (value, effective date, citation) and the result, plus caveats. A person can redo the
 * calculation by hand from it.
 *
 * <pre>{@code
 * ExplanationBuilder why = new ExplanationBuilder();
 * why.step("计入工资 / Counted pay")
 *    .formula("countedPay = grossPay − overtimePay")
 *    .input("grossPay", gross).input("overtimePay", overtime)
 *    .result(counted).cite(citation).add();
 * }</pre>
 */
public final class ExplanationBuilder {

    private final Explanation.Builder proto = Explanation.newBuilder();
    private final Set<String> caveats = new LinkedHashSet<>();

    public Step step(String title) {
        return new Step(title);
    }

    /** Adds a caveat once, however many steps raise it. */
    public ExplanationBuilder caveat(String text) {
        caveats.add(text);
        return this;
    }

    public Explanation build() {
        return proto.clone().addAllCaveats(caveats).build();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** One step under construction; {@link #add()} appends it. */
    public final class Step {
        private final ExplanationStep.Builder step = ExplanationStep.newBuilder();

        private Step(String title) {
            step.setTitle(title);
        }

        public Step formula(String formula) {
            step.setFormula(formula);
            return this;
        }

        public Step input(String name, Object value) {
            step.addInputs(NamedValue.newBuilder().setName(name).setValue(text(value)));
            return this;
        }

        /** Records a parameter used, and its unknown-start caveat if any. */
        public Step parameter(ParameterValue value) {
            step.addParameters(value.toProto());
            if (value.hypothetical()) {
                caveat("假设：" + value.parameter().id() + " = " + value.text() + "（" + value.effectiveFromText()
                        + "起）不是现行规定，仅用于测算改革影响。 / Hypothetical: "
                        + value.parameter().id() + " = "
                        + value.text() + " from " + value.effectiveFromText()
                        + " is a reform being tried, not the law.");
            }
            if (value.startUnknown()) {
                String source = value.citation().shortText();
                caveat("文件未载明" + source + "所定标准的施行起始日期；它用于下一个有施行日期的标准之前的日期。 / The documents do not " + "state when "
                        + source + " began to apply; it is used for dates before the next dated value.");
            }
            return this;
        }

        /** The result as given; for money pass an already rounded amount. */
        public Step result(Object value) {
            step.setResult(text(value));
            return this;
        }

        public Step cite(Citation citation) {
            step.setCitation(citation.toProto());
            return this;
        }

        public ExplanationBuilder add() {
            proto.addSteps(step.setOrder(proto.getStepsCount() + 1));
            return ExplanationBuilder.this;
        }
    }
}
