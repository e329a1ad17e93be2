package cn.gov.qinghai.healthdata.rules;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Major medical expense of one person in one year, for dibao verification: rigid expenditure from serious illness
 * (青政办〔2017〕86号 二(二) "考虑家庭成员因残疾、患重病…增加的刚性支出因素"). Sum of out-of-pocket amounts of the year's
 * encounters that count as major: every inpatient stay, and other encounters whose ICD-10 diagnosis starts with a
 * prefix of {@code major_medical_expenses.yaml}. Rounded HALF_UP to 0.01 at the end.
 */
public final class MajorMedicalExpense {

    public static final String PARAMETER = "health.dibao.major_medical_expenses";

    /** One counted encounter and why it counts. */
    public record Item(EncounterRow encounter, String reason) {}

    public record Result(List<Item> items, BigDecimal total) {}

    private MajorMedicalExpense() {}

    public static Result compute(List<EncounterRow> yearEncounters, ParameterValue rules, ExplanationBuilder why) {
        Map<String, Object> value = rules.asMap();
        boolean inpatientCounts = Boolean.TRUE.equals(value.get("inpatientCounts"));
        @SuppressWarnings("unchecked")
        Map<String, Object> prefixes = (Map<String, Object>) value.get("majorDiseasePrefixes");
        List<Item> items = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (EncounterRow e : yearEncounters) {
            String reason = null;
            if (inpatientCounts && "INPATIENT".equals(e.type())) {
                reason = "inpatient";
            } else {
                for (String prefix : prefixes.keySet()) {
                    if (e.diagnosisCode().startsWith(prefix)) {
                        reason = "major disease " + prefix + " (" + prefixes.get(prefix) + ")";
                        break;
                    }
                }
            }
            if (reason != null && e.selfPaid().signum() > 0) {
                items.add(new Item(e, reason));
                sum = sum.add(e.selfPaid());
            }
        }
        BigDecimal total = Money.yuan(sum);
        why.step("重大疾病自付医疗支出 / Out-of-pocket major medical expenses")
                .formula("total = Σ selfPaid of the year's encounters that are inpatient stays or carry a major-disease"
                        + " diagnosis; HALF_UP to 0.01")
                .input("encountersInYear", yearEncounters.size())
                .input("countedEncounters", items.size())
                .parameter(rules)
                .result(Money.format(total))
                .cite(rules.citation())
                .add();
        return new Result(items, total);
    }
}
