package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.rules.IncomeItem;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validation shared by the estimator and applications: incomes, disability grades, ages. */
final class MemberValidation {

    static final int MAX_MEMBERS = 50;
    static final int MAX_INCOMES = 50;
    static final int MAX_AGE = 130;
    /** No household declares more than this per income item; larger is a typing error, refused clearly. */
    static final DecimalRule ANNUAL_AMOUNT = DecimalRule.money().max("100000000");

    private MemberValidation() {}

    static List<IncomeItem> incomes(FieldErrors errors, List<Income> incomes, Set<String> knownTypes) {
        List<IncomeItem> out = new ArrayList<>();
        if (incomes.size() > MAX_INCOMES) {
            errors.add("incomes", "must have at most " + MAX_INCOMES + " items");
            return out;
        }
        for (int j = 0; j < incomes.size(); j++) {
            FieldErrors at = errors.at("incomes[" + j + "]");
            Income income = incomes.get(j);
            String type = income.getType();
            boolean typeOk;
            if (type.isBlank()) {
                at.add("type", "is required; one of " + knownTypes);
                typeOk = false;
            } else {
                typeOk = at.check(
                        knownTypes.contains(type),
                        "type",
                        "must be one of " + knownTypes + ", found '" + clip(type) + "'");
            }
            BigDecimal amount = at.decimal("annualAmount", income.getAnnualAmount(), ANNUAL_AMOUNT);
            if (typeOk && amount != null) {
                out.add(new IncomeItem(type, amount));
            }
        }
        return out;
    }

    /**
     * A member's rigid expenditure (二(二) expenditure-type poverty): each amount optional (empty = 0), money >= 0,
     * paths {@code rigidExpenditure.majorIllness} etc. Returns {@code null} when any amount is invalid.
     */
    static cn.gov.qinghai.dibao.rules.RigidExpenditure rigid(
            FieldErrors errors, boolean present, cn.gov.qinghai.dibao.v1.RigidExpenditure r) {
        if (!present) {
            return cn.gov.qinghai.dibao.rules.RigidExpenditure.NONE;
        }
        FieldErrors at = errors.at("rigidExpenditure");
        BigDecimal illness = at.optionalDecimal("majorIllness", r.getMajorIllness(), ANNUAL_AMOUNT);
        BigDecimal education = at.optionalDecimal("education", r.getEducation(), ANNUAL_AMOUNT);
        BigDecimal disability = at.optionalDecimal("disability", r.getDisability(), ANNUAL_AMOUNT);
        boolean ok = (illness != null || r.getMajorIllness().isBlank())
                && (education != null || r.getEducation().isBlank())
                && (disability != null || r.getDisability().isBlank());
        if (!ok) {
            return null;
        }
        return new cn.gov.qinghai.dibao.rules.RigidExpenditure(
                zeroIfNull(illness), zeroIfNull(education), zeroIfNull(disability), "declared");
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static Integer disabilityGrade(FieldErrors errors, boolean present, int grade) {
        if (!present) {
            return null;
        }
        if (grade < 1 || grade > 4) {
            errors.add("disabilityGrade", "must be 1, 2, 3 or 4 (or null when not disabled), found " + grade);
            return null;
        }
        return grade;
    }

    static String clip(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
