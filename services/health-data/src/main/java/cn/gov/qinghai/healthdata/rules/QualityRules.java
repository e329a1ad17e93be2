package cn.gov.qinghai.healthdata.rules;

import cn.gov.qinghai.health.v1.EncounterType;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft data-quality rules (80号 二(一)1 "数据质量…规范"): checks that do not make a record invalid but make it doubtful.
 * Hard format rules (identity number, ICD-10, ATC, dates) are refused at the edge instead.
 */
@Singleton
public class QualityRules {

    public static final String PRESCRIPTION_DAYS = "health.quality.prescription_days";

    private final ParameterRegistry parameters;

    public QualityRules(ParameterRegistry parameters) {
        this.parameters = parameters;
    }

    /** A resident without a health card number (80号 二 目标: 功能完备的健康卡). */
    public List<Finding> resident(String healthCard) {
        List<Finding> out = new ArrayList<>();
        if (healthCard == null) {
            out.add(new Finding(
                    "HEALTH_CARD_MISSING", "healthCardNumber", "no resident health card number (居民健康卡) recorded"));
        }
        return out;
    }

    /** One prescription line as the quality rules see it. */
    public record Line(int days) {}

    public List<Finding> encounter(
            LocalDate birth,
            char sex,
            EncounterType type,
            LocalDate start,
            LocalDate end,
            String diagnosisCode,
            List<Line> prescriptions,
            LocalDate today) {
        List<Finding> out = new ArrayList<>();
        if (start.isBefore(birth)) {
            out.add(new Finding("ENCOUNTER_BEFORE_BIRTH", "startDate", "the encounter starts before the birth date"));
        }
        if (type == EncounterType.INPATIENT
                && end == null
                && start.plusDays(365).isBefore(today)) {
            out.add(new Finding(
                    "INPATIENT_STAY_OPEN_OVER_A_YEAR",
                    "endDate",
                    "an inpatient stay without discharge date started more than a year ago"));
        }
        char chapter = diagnosisCode.charAt(0);
        if (sex == 'M' && chapter == 'O') {
            out.add(new Finding(
                    "DIAGNOSIS_SEX_MISMATCH",
                    "diagnosisCode",
                    "a pregnancy-chapter (O) diagnosis for a male resident"));
        }
        var limits = parameters.get(PRESCRIPTION_DAYS).at(start);
        int general = limits.decimal("generalMaxDaysInclusive").intValueExact();
        int emergency = limits.decimal("emergencyMaxDaysInclusive").intValueExact();
        int limit = type == EncounterType.EMERGENCY ? emergency : general;
        for (int i = 0; i < prescriptions.size(); i++) {
            int days = prescriptions.get(i).days();
            if (days > limit) {
                out.add(new Finding(
                        "PRESCRIPTION_DAYS_OVER_LIMIT",
                        "prescriptions[" + i + "].days",
                        days + " days of supply exceed the " + limit + "-day limit of 处方管理办法 第十九条"
                                + " (allowed for chronic disease with a reason)"));
            }
        }
        return out;
    }

    public List<Finding> entry(LocalDate recordedOn, LocalDate birth) {
        List<Finding> out = new ArrayList<>();
        if (recordedOn.isBefore(birth)) {
            out.add(new Finding("ENTRY_BEFORE_BIRTH", "recordedOn", "recorded before the birth date"));
        }
        return out;
    }
}
