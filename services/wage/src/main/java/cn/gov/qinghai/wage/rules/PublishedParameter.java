package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import java.util.List;

/** Presents a run-time published figure as a parameter value, so explanations treat both sources alike. */
final class PublishedParameter {
    private PublishedParameter() {}

    static ParameterValue of(String id, String unit, String value, WageStandard s) {
        ParameterEntry entry = new ParameterEntry(
                s.effectiveFrom(), false, value, null, s.citation(), "published at run time by " + s.publishedBy());
        PolicyParameter parameter =
                new PolicyParameter(id, "最低工资标准（运行时发布） / Minimum wage (published)", unit, s.citation(), List.of(entry));
        return new ParameterValue(parameter, entry, s.appliesTo(), value);
    }
}
