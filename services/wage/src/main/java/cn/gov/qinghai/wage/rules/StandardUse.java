package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.common.v1.ParameterUse;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.money.Money;

/**
 * A standard in force together with the parameter values behind it, so explanations can show each figure with its
 * effective date and citation whether it came from the policy files or from a publication.
 *
 * @param policy the parameter pair when the standard comes from the files; {@code null} for a published one
 */
public record StandardUse(WageStandard standard, PolicyStandards.Pair policy) {

    /** Adds the monthly and/or hourly figure as parameters used by a step. */
    public void addParameters(ExplanationBuilder.Step step, ExplanationBuilder why, boolean monthly, boolean hourly) {
        if (policy != null) {
            if (monthly) {
                step.parameter(policy.monthly());
            }
            if (hourly) {
                step.parameter(policy.hourly());
            }
            return;
        }
        // Published at run time: same ids as the files, so a reader sees one parameter with a newer value.
        if (monthly) {
            step.parameter(published(PolicyStandards.MONTHLY, "CNY/month", standard.monthly()));
        }
        if (hourly) {
            step.parameter(published(PolicyStandards.HOURLY, "CNY/hour", standard.hourly()));
        }
    }

    private cn.gov.qinghai.kit.params.ParameterValue published(String id, String unit, java.math.BigDecimal value) {
        return PublishedParameter.of(id, unit, Money.format(value), standard);
    }

    /** The figure as a proto parameter use (for callers that build messages directly). */
    public ParameterUse toProto(String id, String unit, java.math.BigDecimal value) {
        return published(id, unit, value).toProto();
    }
}
