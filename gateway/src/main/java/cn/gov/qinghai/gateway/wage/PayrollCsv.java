package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.kit.csv.CsvWriter;
import cn.gov.qinghai.kit.region.Region;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.FieldViolation;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The payroll CSV of the portal: a header row naming the columns (any order), then one record per row. A column is
 * named by its REST field name (the same names as the JSON API) or in Chinese as a spreadsheet has it ("应发工资",
 * "应发工资（元）"); values may be the codes or the words: employment FULL_TIME/PART_TIME or 全日制/非全日制, the
 * region 630100 or 西宁市/西宁/Xining, the employer type ENTERPRISE or 企业, the period 2017-06 or as Excel rewrites
 * it (2017/6, 2017/6/15, 2017年6月).
 */
final class PayrollCsv {

    static final List<String> COLUMNS = List.of(
            "reference",
            "region",
            "period",
            "employment",
            "hoursWorked",
            "grossPay",
            "overtimePay",
            "specialConditionAllowances",
            "statutoryWelfare",
            "employerType");
    static final List<String> REQUIRED = List.of("region", "period", "employment", "grossPay");
    static final String RESULT_HEADER = "line,reference,compliant,countedPay,minimumRequired,shortfall,"
            + "standardApplied,standardEffectiveFrom,errors";

    /** Chinese column names accepted beside the REST names (a unit in brackets after them is ignored). */
    static final Map<String, String> CHINESE_COLUMNS = chineseColumns();
    /** The Chinese header of the template, one name per column in {@link #COLUMNS} order. */
    static final List<String> CHINESE_HEADER =
            List.of("编号", "地区", "工资所属期间", "用工形式", "工作小时数", "应发工资（元）", "加班工资（元）", "特殊条件津贴（元）", "法定福利（元）", "用人单位类型");

    private final Map<String, Integer> positions;

    private PayrollCsv(Map<String, Integer> positions) {
        this.positions = positions;
    }

    /** The header names no payroll: required columns missing, unknown names (as written), or both. */
    static final class BadHeader extends IllegalArgumentException {
        final List<String> missing;
        final List<String> unknown;

        BadHeader(List<String> missing, List<String> unknown) {
            super((missing.isEmpty() ? "" : "missing columns: " + String.join(", ", missing))
                    + (missing.isEmpty() || unknown.isEmpty() ? "" : "; ")
                    + (unknown.isEmpty() ? "" : "unknown columns: " + String.join(", ", unknown)));
            this.missing = missing;
            this.unknown = unknown;
        }
    }

    /** Reads the header; unknown or missing columns are thrown as a {@link BadHeader}. */
    static PayrollCsv fromHeader(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String column = column(name);
            if (column != null) {
                positions.put(column, i);
            } else if (!name.isEmpty()) {
                unknown.add(name);
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new BadHeader(missing, unknown);
        }
        return new PayrollCsv(positions);
    }

    /** The column a header cell names: a REST name, or a Chinese name with or without its unit in brackets. */
    static String column(String name) {
        if (COLUMNS.contains(name)) {
            return name;
        }
        String bare = name.replaceAll("\\s+", "").replaceFirst("[（(][^）)]*[）)]$", "");
        return CHINESE_COLUMNS.get(bare);
    }

    private static Map<String, String> chineseColumns() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("编号", "职工编号", "工号", "姓名", "参考号")) {
            m.put(n, "reference");
        }
        for (String n : List.of("地区", "工作地区", "地区代码", "行政区划代码")) {
            m.put(n, "region");
        }
        for (String n : List.of("期间", "工资所属期间", "所属期间", "工资月份", "月份")) {
            m.put(n, "period");
        }
        for (String n : List.of("用工形式", "用工类型")) {
            m.put(n, "employment");
        }
        for (String n : List.of("工作小时数", "小时数", "工时")) {
            m.put(n, "hoursWorked");
        }
        for (String n : List.of("应发工资", "应发工资总额", "工资总额")) {
            m.put(n, "grossPay");
        }
        for (String n : List.of("加班工资", "加班加点工资")) {
            m.put(n, "overtimePay");
        }
        for (String n : List.of("特殊条件津贴", "特殊津贴", "特殊工作环境津贴")) {
            m.put(n, "specialConditionAllowances");
        }
        for (String n : List.of("法定福利", "法定福利待遇")) {
            m.put(n, "statutoryWelfare");
        }
        for (String n : List.of("用人单位类型", "单位类型")) {
            m.put(n, "employerType");
        }
        return Map.copyOf(m);
    }

    PayrollRecord record(List<String> row) {
        return PayrollRecord.newBuilder()
                .setReference(cell(row, "reference"))
                .setRegion(region(cell(row, "region")))
                .setPeriod(period(cell(row, "period")))
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
            case "FULL_TIME", "全日制", "FULL-TIME" -> Employment.FULL_TIME_VALUE;
            case "PART_TIME", "非全日制", "PART-TIME" -> Employment.PART_TIME_VALUE;
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
        EmployerType named = EMPLOYER_TYPES_ZH.get(t);
        if (named != null) {
            return named.getNumber();
        }
        try {
            EmployerType type = EmployerType.valueOf(t);
            return type == EmployerType.UNRECOGNIZED ? Integer.MAX_VALUE : type.getNumber();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The employer types in the words of 青政〔2017〕41号 二 (and the wage pages' list). */
    private static final Map<String, EmployerType> EMPLOYER_TYPES_ZH = Map.of(
            "企业", EmployerType.ENTERPRISE,
            "民办非企业单位", EmployerType.PRIVATE_NON_ENTERPRISE_UNIT,
            "有雇工的个体工商户", EmployerType.INDIVIDUAL_BUSINESS_WITH_EMPLOYEES,
            "国家机关", EmployerType.STATE_ORGAN,
            "事业单位", EmployerType.PUBLIC_INSTITUTION,
            "社会团体", EmployerType.SOCIAL_ORGANISATION,
            "无雇工的个体工商户", EmployerType.INDIVIDUAL_BUSINESS_WITHOUT_EMPLOYEES,
            "其他", EmployerType.OTHER_EMPLOYER);

    /**
     * A region cell: the code as is, or the name of the province or a prefecture in Chinese (full, short or official
     * long form such as 海北藏族自治州) or English; anything else is passed on for the service to name.
     */
    static String region(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.chars().allMatch(Character::isDigit)) {
            return t;
        }
        String code = t.length() > 6 && t.substring(0, 6).chars().allMatch(Character::isDigit)
                ? t.substring(0, 6)
                : null; // "630100 西宁市", as the form's list shows it
        if (code != null) {
            return code;
        }
        for (Region r : Regions.provinceAndPrefectures()) {
            String zh = r.nameZh();
            String stem = zh.substring(0, 2); // 西宁市 → 西宁, 海北州 → 海北, 青海省 → 青海
            if (t.equals(zh)
                    || t.equals(stem)
                    || (t.startsWith(stem) && t.endsWith("自治州") && zh.endsWith("州"))
                    || t.equalsIgnoreCase(r.nameEn())
                    || (r.code().equals(Regions.PROVINCE) && t.equals("全省"))) {
                return r.code();
            }
        }
        return t;
    }

    /**
     * A period cell: 2017-06 or 2017-06-15 as is; what Excel or a person writes instead (2017/6, 2017/6/15,
     * 2017.6, 2017年6月, 2017年6月15日) as the same month or day; anything else passed on for the service to name.
     */
    static String period(String text) {
        String t = text.trim();
        Matcher m = PERIOD.matcher(t);
        if (!m.matches()) {
            m = PERIOD_ZH.matcher(t);
            if (!m.matches()) {
                return t;
            }
        }
        String month = m.group(1) + "-" + (m.group(2).length() == 1 ? "0" : "") + m.group(2);
        String day = m.group(3);
        return day == null ? month : month + "-" + (day.length() == 1 ? "0" : "") + day;
    }

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})[/.-](\\d{1,2})(?:[/.-](\\d{1,2}))?");
    private static final Pattern PERIOD_ZH = Pattern.compile("(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?");

    private String cell(List<String> row, String column) {
        Integer i = positions.get(column);
        return i == null || i >= row.size() ? "" : row.get(i).trim();
    }

    /** One result row; {@code line} is the record's line in the uploaded file (header = line 1). */
    static String resultRow(long line, ComplianceResult r) {
        return resultRow(line, r, v -> v.getField() + ": " + v.getDescription());
    }

    /** One result row, each invalid field worded by {@code wording} (the page's language). */
    static String resultRow(long line, ComplianceResult r, Function<FieldViolation, String> wording) {
        String errors = r.getViolationsList().stream().map(wording).collect(Collectors.joining("; "));
        boolean invalid = r.getViolationsCount() > 0;
        // the reference and the errors echo the uploader's text: kit's writer neutralises formulas in them
        return CsvWriter.joined(List.of(
                Long.toString(line),
                r.getReference(),
                invalid ? "invalid" : Boolean.toString(r.getCompliant()),
                r.getCountedPay(),
                r.getMinimumRequired(),
                r.getShortfall(),
                r.getStandardApplied(),
                r.getStandardEffectiveFrom(),
                errors));
    }

    static String template() {
        return String.join(",", COLUMNS) + "\r\n"
                + "E001,632700,2017-06,FULL_TIME,,1600.00,100.00,0,0\r\n"
                + "E002,630100,2017-06,PART_TIME,40,620.00,20.00,0,0\r\n";
    }

    /** The same template with Chinese column names and values, as a spreadsheet user would fill it in. */
    static String templateChinese() {
        return String.join(",", CHINESE_HEADER) + "\r\n"
                + "张三,玉树州,2017-06,全日制,,1600.00,100.00,0,0,企业\r\n"
                + "李四,西宁市,2017-06,非全日制,40,620.00,20.00,0,0,企业\r\n";
    }
}
