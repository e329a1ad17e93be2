package cn.gov.qinghai.broadband;

import cn.gov.qinghai.kit.testing.EffectiveDateRuleCases;

/** The day before and the day of every effective date of this service's parameters (rules/effective_dates.yaml). */
class EffectiveDateRuleCasesTest extends EffectiveDateRuleCases {}
