package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.kit.csv.CsvWriter;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The payroll CSV of the portal: a header row naming the columns (any order; the REST field names, so the same
 * names as the JSON API), then one record per row. Employment may be written FULL_TIME/PART_TIME or 全日制/非全日制.
 */
final class PayrollCsv {

    static final List<String> COLUMNS = List.of("reference", "region", "period", "employment", "hoursWorked",
            "grossPay", "overtimePay", "specialConditionAllowances", "statutoryWelfare", "employerType");
    static final List<String> REQUIRED = List.of("region", "period", "employment", "grossPay");
    static final String RESULT_HEADER = "line,reference,compliant,countedPay,minimumRequired,shortfall,"
            + "standardApplied,standardEffectiveFrom,errors";

    private final Map<String, Integer> positions;

    private PayrollCsv(Map<String, Integer> positions) {
        this.positions = positions;
    }

    /** Reads the header; the problem (unknown or missing columns) is thrown as an {@link IllegalArgumentException}. */
    static PayrollCsv fromHeader(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (COLUMNS.contains(name)) {
                positions.put(name, i);
            } else if (!name.isEmpty()) {
                unknown.add(name);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new IllegalArgumentException((missing.isEmpty() ? "" : "missing columns: " + String.join(", ", missing))
                    + (missing.isEmpty() || unknown.isEmpty() ? "" : "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns: " + String.join(", ", unknown)));
        }
        return new PayrollCsv(positions);
    }

    PayrollRecord record(List<String> row) {
        return PayrollRecord.newBuilder()
                .setReference(cell(row, "reference"))
                .setRegion(cell(row, "region"))
                .setPeriod(cell(row, "period"))
                .setEmploymentValue(employment(cell(row, "employment")))
                .setHoursWorked(cell(row, "hoursWorked"))
                .setGrossPay(cell(row, "grossPay"))
                .setOvertimePay(cell(row, "overtimePay"))
                .setSpecialConditionAllowances(cell(row, "specialConditionAllowances"))
                .setStatutoryWelfare(cell(row, "statutoryWelfare"))
                .setEmployerTypeValue(employerType(cell(row, "employerType")))
                .build();
    }

    /** Employment from a form or CSV cell; unknown text maps to UNSPECIFIED so the service names the field. */
    static int employment(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "FULL_TIME", "全日制" -> Employment.FULL_TIME_VALUE;
            case "PART_TIME", "非全日制" -> Employment.PART_TIME_VALUE;
            default -> Employment.EMPLOYMENT_UNSPECIFIED_VALUE;
        };
    }

    /**
     * Employer type (青政〔2017〕41号 二) from an optional CSV cell: an EmployerType name such as ENTERPRISE; empty means
     * not given; unknown text maps to an unknown number so the service names the field.
     */
    static int employerType(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return EmployerType.EMPLOYER_TYPE_UNSPECIFIED_VALUE;
        }
        try {
            EmployerType type = EmployerType.valueOf(t);
            return type == EmployerType.UNRECOGNIZED ? Integer.MAX_VALUE : type.getNumber();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String cell(List<String> row, String column) {
        Integer i = positions.get(column);
        return i == null || i >= row.size() ? "" : row.get(i).trim();
    }

    /** One result row; {@code line} is the record's line in the uploaded file (header = line 1). */
    static String resultRow(long line, ComplianceResult r) {
        String errors = r.getViolationsList().stream().map(v -> v.getField() + ": " + v.getDescription())
                .collect(Collectors.joining("; "));
        boolean invalid = r.getViolationsCount() > 0;
        // the reference and the errors echo the uploader's text: kit's writer neutralises formulas in them
        return CsvWriter.joined(List.of(Long.toString(line), r.getReference(),
                invalid ? "invalid" : Boolean.toString(r.getCompliant()), r.getCountedPay(), r.getMinimumRequired(),
                r.getShortfall(), r.getStandardApplied(), r.getStandardEffectiveFrom(), errors));
    }

    static String template() {
        return String.join(",", COLUMNS) + "\r\n"
                + "E001,632700,2017-06,FULL_TIME,,1600.00,100.00,0,0\r\n"
                + "E002,630100,2017-06,PART_TIME,40,620.00,20.00,0,0\r\n";
    }
}
