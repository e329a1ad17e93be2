package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.gateway.portal.PortalNumbers;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The estimator's "what if" panel (issue 24 point 4): one policy value the estimator uses, changed to a value the
 * person types, sent as the estimate's {@code reform} (one parameter override, from the parameter's first value on,
 * so it applies to whichever year is estimated). The choices are named in plain words in the page bundle
 * ({@code dibao.whatIf.<key>}); the parameter ids and the JSON field of a structured value stay here. What the
 * service applies, and marks as hypothetical in the working, is documented in docs/parameters.md.
 */
public enum WhatIf {
    PROVINCIAL_FLOOR("provincialFloor", "dibao.provincial_floor", null, Kind.AMOUNT),
    CLASSIFIED_ALLOWANCE("classifiedAllowance", "dibao.classified_allowance", "monthlyAmount", Kind.AMOUNT),
    ELDERLY_AGE("elderlyAge", "dibao.classified_allowance", "elderlyMinAgeInclusive", Kind.AGE),
    CHILD_AGE("childAge", "dibao.classified_allowance", "childMaxAgeInclusive", Kind.AGE),
    SEVERE_DISABILITY_LIVING(
            "severeDisabilityLiving", "dibao.disability_living_allowance", "severeMonthly", Kind.AMOUNT),
    OTHER_DISABILITY_LIVING("otherDisabilityLiving", "dibao.disability_living_allowance", "otherMonthly", Kind.AMOUNT),
    NURSING_SUBSIDY("nursingSubsidy", "dibao.severe_disability_nursing_subsidy", "monthly", Kind.AMOUNT),
    RIGID_DEDUCTION("rigidDeduction", "dibao.rigid_expenditure", "deductionRatio", Kind.PERCENT);

    /** How the value is typed: an amount in yuan ("2万" too), a whole age, or a percentage ("80" = 80 %). */
    public enum Kind {
        AMOUNT,
        AGE,
        PERCENT
    }

    private final String key;
    private final String parameter;
    private final String field;
    private final Kind kind;

    WhatIf(String key, String parameter, String field, Kind kind) {
        this.key = key;
        this.parameter = parameter;
        this.field = field;
        this.kind = kind;
    }

    /** The form value and the message key suffix ({@code dibao.whatIf.provincialFloor}). */
    public String getKey() {
        return key;
    }

    public Kind getKind() {
        return kind;
    }

    static Optional<WhatIf> byKey(String key) {
        return Arrays.stream(values()).filter(w -> w.key.equals(key)).findFirst();
    }

    /** The typed value read as this choice expects; empty when it is not such a number. */
    Optional<String> read(String typed) {
        Optional<BigDecimal> value = switch (kind) {
            case AMOUNT -> PortalNumbers.amount(typed);
            case AGE -> PortalNumbers.integer(typed).map(BigDecimal::valueOf);
            case PERCENT -> PortalNumbers.percent(typed);
        };
        return value.map(PortalNumbers::plain);
    }

    /** The reform with the one override: a decimal, or a JSON object giving only the changed field. */
    Reform reform(String value) {
        String written = field == null ? value : "{\"" + field + "\":\"" + value + "\"}";
        return Reform.newBuilder()
                .setName("portal what-if")
                .addOverrides(ParameterOverride.newBuilder().setId(parameter).setValue(written))
                .build();
    }
}
