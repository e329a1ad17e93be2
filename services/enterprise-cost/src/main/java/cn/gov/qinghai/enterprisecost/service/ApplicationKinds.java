package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.v1.ApplicationKind;
import java.util.Map;

/** Which calculator decides each kind of application. */
final class ApplicationKinds {
    private static final Map<ApplicationKind, String> CALCULATOR = Map.of(
            ApplicationKind.STABLE_JOB, "stable-job-subsidy",
            ApplicationKind.RD, "rd-subsidy",
            ApplicationKind.STARTUP_AWARD, "startup-award",
            ApplicationKind.GUARANTEE, "guarantee-subsidy");

    private ApplicationKinds() {}

    static String calculatorId(ApplicationKind kind) {
        return CALCULATOR.get(kind);
    }

    /** Kinds whose amount the documents do not set: the applicant states it. */
    static boolean amountStatedByApplicant(ApplicationKind kind) {
        return kind == ApplicationKind.GUARANTEE;
    }
}
