package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import java.time.YearMonth;

/** Month fields: yyyy-MM and inside the plan year. */
final class Months {
    private Months() {}

    static YearMonth required(FieldErrors errors, String field, String value, ReportingRules rules) {
        YearMonth m = errors.yearMonth(field, value);
        return inYear(errors, field, m, rules);
    }

    static YearMonth optional(FieldErrors errors, String field, String value, ReportingRules rules) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(errors, field, value, rules);
    }

    private static YearMonth inYear(FieldErrors errors, String field, YearMonth m, ReportingRules rules) {
        if (m != null && !rules.inPlanYear(m)) {
            errors.add(
                    field,
                    "must be a month of the plan year " + rules.planYear() + " (" + rules.firstMonth() + " to "
                            + rules.lastMonth() + ")");
            return null;
        }
        return m;
    }
}
