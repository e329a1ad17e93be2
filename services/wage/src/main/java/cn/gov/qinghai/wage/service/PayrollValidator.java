package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.wage.rules.PayrollInput;
import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks one payroll record at the edge and reports every invalid field (JSON names) under a prefix. */
final class PayrollValidator {

    private PayrollValidator() {}

    /**
     * The validated input, or {@code null} when {@code errors} received violations for this record. {@code scope} is
     * the employment scope (青政〔2017〕41号 二): an employer type it does not list is refused with the reason.
     */
    static PayrollInput validate(PayrollRecord r, FieldErrors errors, ParameterValue rules, ParameterValue scope) {
        int before = errors.size();
        String reference = errors.optionalText("reference", r.getReference(), 64);
        String region = errors.provinceOrPrefecture("region", r.getRegion());
        Employment employment = errors.enumValue(
                "employment", r.getEmployment(), Employment.EMPLOYMENT_UNSPECIFIED, Employment.UNRECOGNIZED);
        LocalDate periodStart = period(errors, r.getPeriod(), employment);
        BigDecimal gross = errors.decimal("grossPay", r.getGrossPay(), DecimalRule.money());
        EmployerType employerType = r.getEmployerType();
        if (employerType == EmployerType.UNRECOGNIZED) {
            errors.add("employerType", "must be one of the EmployerType values");
        } else if (employerType != EmployerType.EMPLOYER_TYPE_UNSPECIFIED
                && !covered(scope).contains(employerType.name())) {
            errors.add(
                    "employerType",
                    employerType.name() + " is not covered by the minimum wage standard: "
                            + scope.citation().shortText()
                            + " applies to enterprises, private non-enterprise units, individual"
                            + " businesses with employees, state organs, public institutions and social organisations"
                            + " (企业、民办非企业单位、有雇工的个体工商户；国家机关、事业单位、社会团体)");
        }
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        component(errors, components, "overtimePay", r.getOvertimePay());
        component(errors, components, "specialConditionAllowances", r.getSpecialConditionAllowances());
        component(errors, components, "statutoryWelfare", r.getStatutoryWelfare());
        BigDecimal hours = null;
        if (employment == Employment.PART_TIME) {
            hours = errors.decimal(
                    "hoursWorked",
                    r.getHoursWorked(),
                    DecimalRule.money()
                            .positive()
                            .max(rules.asMap().get("maxHoursPerPeriodInclusive").toString()));
        } else if (employment == Employment.FULL_TIME && !r.getHoursWorked().isEmpty()) {
            errors.optionalDecimal(
                    "hoursWorked",
                    r.getHoursWorked(),
                    DecimalRule.money()
                            .max(rules.asMap().get("maxHoursPerPeriodInclusive").toString()));
        }
        if (gross != null && errors.size() == before) {
            BigDecimal sum = components.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            errors.check(
                    sum.compareTo(gross) <= 0,
                    "grossPay",
                    "must include the excluded components (overtimePay + specialConditionAllowances + "
                            + "statutoryWelfare = " + sum.toPlainString() + " exceeds grossPay)");
        }
        if (errors.size() > before) {
            return null;
        }
        return new PayrollInput(
                reference == null ? "" : reference,
                region,
                periodStart,
                r.getPeriod(),
                employment,
                hours,
                gross,
                components,
                employerType);
    }

    @SuppressWarnings("unchecked")
    static List<Object> covered(ParameterValue scope) {
        return (List<Object>) scope.asMap().get("coveredEmployerTypes");
    }

    private static LocalDate period(FieldErrors errors, String text, Employment employment) {
        if (text == null || text.isBlank()) {
            errors.add("period", "is required (yyyy-MM, or yyyy-MM-dd for part-time work)");
            return null;
        }
        if (text.length() == 7) {
            YearMonth month = errors.yearMonth("period", text);
            return month == null ? null : month.atDay(1);
        }
        LocalDate day = errors.optionalDate("period", text);
        if (day != null && employment == Employment.FULL_TIME) {
            errors.add("period", "must be a month (yyyy-MM) for full-time employment");
            return null;
        }
        return day;
    }

    private static void component(FieldErrors errors, Map<String, BigDecimal> into, String field, String value) {
        BigDecimal v = errors.optionalDecimal(field, value, DecimalRule.money());
        if (v != null) {
            into.put(field, v);
        }
    }
}
