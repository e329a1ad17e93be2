package cn.gov.qinghai.wage.rules;

import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One validated payroll record.
 *
 * @param periodStart first day of the pay period (the day whose standard applies)
 * @param periodText  the period as given ("2017-06" or "2017-06-15")
 * @param hours       hours worked; {@code null} for full-time
 * @param components  amounts included in gross pay that may be excluded, by their field name
 *                    (overtimePay, specialConditionAllowances, statutoryWelfare); absent means 0
 * @param employerType kind of employer (青政〔2017〕41号 二); UNSPECIFIED when not given (scope not checked)
 */
public record PayrollInput(
        String reference,
        String region,
        LocalDate periodStart,
        String periodText,
        Employment employment,
        BigDecimal hours,
        BigDecimal grossPay,
        Map<String, BigDecimal> components,
        EmployerType employerType) {}
