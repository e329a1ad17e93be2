package cn.gov.qinghai.dibao.rules;

import java.math.BigDecimal;

/** One income of a member: its type (see parameter dibao.income_types) and yuan per year. */
public record IncomeItem(String type, BigDecimal annualAmount) {}
