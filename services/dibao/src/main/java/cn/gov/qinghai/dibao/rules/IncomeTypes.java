package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which income types count as household income and which do not (青政办〔2017〕86号 二(二): pensions, special-care
 * pensions, education, family-planning and disability allowances, nursing subsidies, old-age allowances and
 * bravery awards are not counted). The lists live in {@code parameters/income_types.yaml}.
 */
@Singleton
public class IncomeTypes {

    public static final String ID = "dibao.income_types";
    private final PolicyParameter parameter;

    public IncomeTypes(ParameterRegistry parameters) {
        this.parameter = parameters.get(ID);
    }

    public ParameterValue at(LocalDate date) {
        return parameter.at(date);
    }

    /** Every known type on that date (counted and not counted), for validation messages. */
    public Set<String> known(LocalDate date) {
        Set<String> all = new TreeSet<>(counted(date).keySet());
        all.addAll(notCounted(date).keySet());
        return all;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> counted(LocalDate date) {
        return (Map<String, Object>) at(date).asMap().get("counted");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> notCounted(LocalDate date) {
        return (Map<String, Object>) at(date).asMap().get("notCounted");
    }

    /** The latest date the lists can be looked up for validation (they exist from 2017-06-16 on). */
    public LocalDate firstDate() {
        return parameter.values().get(0).from();
    }
}
