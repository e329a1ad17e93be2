package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.reform.SideBySide;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The payroll compliance check with an optional reform: the check under the law and, beside it, the same check run
 * again with the reform in force (kit {@link SideBySide}). Reads only: nothing is stored.
 */
@Singleton
public class ComplianceReforms {

    private static final Set<String> REFORM_FIELDS = Set.of("reform_response", "reform_differences");
    private final ParameterRegistry parameters;
    private final ComplianceService compliance;

    public ComplianceReforms(ParameterRegistry parameters, ComplianceService compliance) {
        this.parameters = parameters;
        this.compliance = compliance;
    }

    public CheckComplianceResponse check(CheckComplianceRequest request) {
        if (!request.hasReform()) {
            return compliance.check(request);
        }
        CheckComplianceRequest plain = request.toBuilder().clearReform().build();
        SideBySide<CheckComplianceResponse> both =
                SideBySide.run(request.getReform(), parameters, () -> compliance.check(plain), REFORM_FIELDS);
        return both.baseline().toBuilder()
                .setReformResponse(both.reform())
                .setReformDifferences(both.differences())
                .build();
    }
}
