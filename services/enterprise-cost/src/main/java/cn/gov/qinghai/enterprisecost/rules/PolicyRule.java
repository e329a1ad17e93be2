package cn.gov.qinghai.enterprisecost.rules;

import cn.gov.qinghai.enterprisecost.calculators.Calculator;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.time.LocalDate;
import java.util.List;

/**
 * Base of the calculators that apply one dated, cited parameter: it looks the parameter up on the date asked (a
 * date before the rule took effect is a FAILED_PRECONDITION through the kit's lookup error).
 */
abstract class PolicyRule implements Calculator {

    private final ParameterRegistry parameters;
    private final String parameterId;

    PolicyRule(ParameterRegistry parameters, String parameterId) {
        this.parameters = parameters;
        this.parameterId = parameterId;
    }

    @Override
    public List<String> parameterIds() {
        return List.of(parameterId);
    }

    /** The rule's parameter in force on {@code date}. */
    ParameterValue rule(LocalDate date) {
        return parameters.get(parameterId).at(date);
    }
}
