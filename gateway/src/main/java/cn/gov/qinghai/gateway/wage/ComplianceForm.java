package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-record compliance form: its fields (the REST names of a payroll record, so errors map one to one), what a
 * fresh form holds, the record a filled form becomes, and the service's field paths mapped back to form fields.
 */
final class ComplianceForm {

    /** The same REST names, in the same order, as the columns of the payroll file. */
    static final List<String> FIELDS = PayrollCsv.COLUMNS;

    private ComplianceForm() {}

    /** A fresh form: everything empty, full-time chosen (the usual case). */
    static Map<String, String> empty() {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        form.put("employment", "FULL_TIME");
        return form;
    }

    /** What was typed, trimmed; fields not sent are empty. */
    static Map<String, String> typed(Map<String, String> body) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, body.getOrDefault(f, "").trim()));
        return form;
    }

    static PayrollRecord record(Map<String, String> form) {
        return PayrollRecord.newBuilder()
                .setReference(form.get("reference"))
                .setRegion(form.get("region"))
                .setPeriod(form.get("period"))
                .setEmploymentValue(PayrollCsv.employment(form.get("employment")))
                .setHoursWorked(form.get("hoursWorked"))
                .setGrossPay(form.get("grossPay"))
                .setOvertimePay(form.get("overtimePay"))
                .setSpecialConditionAllowances(form.get("specialConditionAllowances"))
                .setStatutoryWelfare(form.get("statutoryWelfare"))
                .setEmployerTypeValue(PayrollCsv.employerType(form.get("employerType")))
                .build();
    }

    /** {@code records[0].grossPay} → {@code grossPay}: the service's path to the form's field. */
    static String recordField(String path) {
        return path.replaceFirst("^records\\[\\d+]\\.", "");
    }
}
