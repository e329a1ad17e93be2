package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.Db;
import cn.gov.qinghai.dibao.rules.BenefitAssessor;
import cn.gov.qinghai.dibao.rules.IncomeTypes;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.MedicalAssistance;
import cn.gov.qinghai.dibao.v1.MedicalAssistanceRequest;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.reform.SideBySide;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;

/**
 * Dibao's public calculators with an optional reform: the answer under the law and, beside it, the same answer with
 * the calculator's rules built again on the reformed parameters (kit {@link SideBySide}). Reads only.
 */
@Singleton
public class DibaoReforms {

    private static final Set<String> REFORM_FIELDS =
            Set.of("reform_estimate", "reform_assistance", "reform_differences");
    private final ParameterRegistry parameters;
    private final EstimateService law;
    private final MedicalAssistanceService medical;
    private final Db db;
    private final Clock clock;

    public DibaoReforms(ParameterRegistry parameters, EstimateService law, MedicalAssistanceService medical, Db db,
                        Clock clock) {
        this.parameters = parameters;
        this.law = law;
        this.medical = medical;
        this.db = db;
        this.clock = clock;
    }

    public BenefitEstimate estimate(EstimateBenefitRequest request) {
        if (!request.hasReform()) {
            return law.estimate(request);
        }
        EstimateBenefitRequest plain = request.toBuilder().clearReform().build();
        SideBySide<BenefitEstimate> both = SideBySide.run(request.getReform(), parameters,
                () -> law.estimate(plain), registry -> estimator(registry).estimate(plain), REFORM_FIELDS);
        return both.baseline().toBuilder().setReformEstimate(both.reform())
                .setReformDifferences(both.differences()).build();
    }

    public MedicalAssistance calculate(MedicalAssistanceRequest request) {
        if (!request.hasReform()) {
            return medical.calculate(request);
        }
        MedicalAssistanceRequest plain = request.toBuilder().clearReform().build();
        SideBySide<MedicalAssistance> both = SideBySide.run(request.getReform(), parameters,
                () -> medical.calculate(plain), registry -> new MedicalAssistanceService(registry).calculate(plain),
                REFORM_FIELDS);
        return both.baseline().toBuilder().setReformAssistance(both.reform())
                .setReformDifferences(both.differences()).build();
    }

    /** The estimator's rules built on {@code registry}: the same classes, other parameters. */
    private EstimateService estimator(ParameterRegistry registry) {
        IncomeTypes types = new IncomeTypes(registry);
        ProvincialFloor floor = new ProvincialFloor(registry);
        return new EstimateService(types, floor, new BenefitAssessor(registry, types),
                new CountyStandardService(db, floor, clock));
    }
}
