package cn.gov.qinghai.dibao.verification;

/**
 * Where verification (核对, 青政办〔2017〕86号 二(二)) learns a household member's major medical expenses in a year,
 * the rigid expenditure the assessment must consider. The health-data service will answer this through its
 * {@code GetMajorMedicalExpenses} RPC with purpose {@value #PURPOSE}; the lead engineer wires that client in once both
 * services have landed. Until then {@link NotConsultedMedicalExpenses} records honestly that nothing was consulted.
 */
public interface MedicalExpenseSource {

    /** The purpose declared to the health-data service, which logs and checks it. */
    String PURPOSE = "dibao-verification";

    /**
     * Major medical expenses of one person in one calendar year.
     *
     * @param idNumber    the member's resident identity number (never logged)
     * @param year        calendar year
     * @param callerToken bearer token of the verifier, forwarded so health-data can check its own rules
     */
    MedicalExpenseFinding majorMedicalExpenses(String idNumber, int year, String callerToken);
}
