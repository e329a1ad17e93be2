package cn.gov.qinghai.dibao.rules;

import java.math.BigDecimal;

/**
 * One monthly allowance.
 *
 * @param kind        CLASSIFIED_ALLOWANCE, DISABILITY_LIVING_ALLOWANCE or SEVERE_DISABILITY_NURSING_SUBSIDY
 * @param memberIndex 0-based member, or -1 for a household-level allowance
 */
public record AllowanceLine(String kind, int memberIndex, BigDecimal monthly, String reason) {}
