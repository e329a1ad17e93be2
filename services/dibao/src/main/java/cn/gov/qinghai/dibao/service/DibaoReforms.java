package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.reform.SideBySide;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Dibao's public calculators with an optional reform: the answer under the law and, beside it, the same calculation
 * run again with the reform in force (kit {@link SideBySide}). Reads only: nothing is stored.
 */
@Singleton
public class DibaoReforms {

    private static final Set<String> REFORM_FIELDS =
            Set.of("reform_estimate", "reform_assistance", "reform_differences");
    private final ParameterRegistry parameters;
    private final EstimateService estimates;
    private final MedicalAssistanceService medical;

    public DibaoReforms(ParameterRegistry parameters, EstimateService estimates, MedicalAssistanceService medical) {
        this.parameters = parameters;
        this.estimates = estimates;
        this.medical = medical;
    }

    public BenefitEstimate estimate(EstimateBenefitRequest request) {
        if (!request.hasReform()) {
            return estimates.estimate(request);
        }
        EstimateBenefitRequest plain = request.toBuilder().clearReform().build();
        SideBySide<BenefitEstimate> both =
                SideBySide.run(request.getReform(), parameters, () -> estimates.estimate(plain), REFORM_FIELDS);
        return both.baseline().toBuilder()
                .setReformEstimate(both.reform())
                .setReformDifferences(both.differences())
                .build();
    }

    public MedicalAssistance calculate(MedicalAssistanceRequest request) {
        if (!request.hasReform()) {
            return medical.calculate(request);
        }
        MedicalAssistanceRequest plain = request.toBuilder().clearReform().build();
        SideBySide<MedicalAssistance> both =
                SideBySide.run(request.getReform(), parameters, () -> medical.calculate(plain), REFORM_FIELDS);
        return both.baseline().toBuilder()
                .setReformAssistance(both.reform())
                .setReformDifferences(both.differences())
                .build();
    }
}
