package cn.gov.qinghai.dibao.verification;

import java.math.BigDecimal;

/**
 * What a medical-expense source said: either an amount it consulted, or that it was not consulted and why. A
 * missing source is never turned into a number.
 *
 * @param consulted whether a real source answered
 * @param amount    yuan in the year when consulted, else {@code null}
 * @param note      source name or the reason nothing was consulted
 */
public record MedicalExpenseFinding(boolean consulted, BigDecimal amount, String note) {

    public static MedicalExpenseFinding notConsulted(String why) {
        return new MedicalExpenseFinding(false, null, why);
    }

    public static MedicalExpenseFinding consulted(BigDecimal amount, String source) {
        return new MedicalExpenseFinding(true, amount, source);
    }
}
