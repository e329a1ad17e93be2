package cn.gov.qinghai.dibao.verification;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * The source in use until the health-data client is wired: it consults nothing and says so, so a verifier sees
 * "NOT_CONSULTED" on the case rather than a made-up zero. A real implementation replaces it by being a
 * non-secondary {@link MedicalExpenseSource} bean.
 */
@Singleton
@Secondary
public class NotConsultedMedicalExpenses implements MedicalExpenseSource {

    @Override
    public MedicalExpenseFinding majorMedicalExpenses(String idNumber, int year, String callerToken) {
        return MedicalExpenseFinding.notConsulted("health-data GetMajorMedicalExpenses (purpose " + PURPOSE
                + ") is not wired into this deployment; major medical expenses for " + year
                + " were not consulted and must be checked from documents");
    }
}
