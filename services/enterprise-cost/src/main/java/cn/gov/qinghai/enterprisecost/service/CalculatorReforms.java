package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.reform.SideBySide;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Every enterprise-cost calculator with an optional reform: the calculation under the law and, beside it, the same
 * calculation run again with the reform in force (kit {@link SideBySide}). Reads only: nothing is stored.
 */
@Singleton
public class CalculatorReforms {

    private static final Set<String> REFORM_FIELDS = Set.of("reform_calculation", "reform_differences");
    private final ParameterRegistry parameters;
    private final CalculatorService calculators;

    public CalculatorReforms(ParameterRegistry parameters, CalculatorService calculators) {
        this.parameters = parameters;
        this.calculators = calculators;
    }

    public Calculation calculate(CalculateRequest request) {
        if (!request.hasReform()) {
            return calculators.calculate(request);
        }
        CalculateRequest plain = request.toBuilder().clearReform().build();
        SideBySide<Calculation> both =
                SideBySide.run(request.getReform(), parameters, () -> calculators.calculate(plain), REFORM_FIELDS);
        return both.baseline().toBuilder()
                .setReformCalculation(both.reform())
                .setReformDifferences(both.differences())
                .build();
    }
}
