package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.grpc.ErrorStatus;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.FieldViolation;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.params.PolicyParameter;
import cn.gov.qinghai.wage.rules.ComplianceRule;
import cn.gov.qinghai.wage.rules.PayrollInput;
import cn.gov.qinghai.wage.rules.PolicyStandards;
import cn.gov.qinghai.wage.rules.StandardUse;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.ComplianceSummary;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Payroll compliance: a batch of up to 1,000 records, or one record at a time for streams. */
@Singleton
public class ComplianceService {

    public static final int MAX_BATCH = 1000;
    static final String RULES = "wage.compliance.rules";

    private final StandardBook book;
    private final PolicyParameter rules;
    private final cn.gov.qinghai.kit.params.Citation employmentScope;
    private final PolicyParameter scopeParameter;
    private final java.time.Clock clock;

    public ComplianceService(StandardBook book, PolicyStandards policy, java.time.Clock clock) {
        this.book = book;
        this.clock = clock;
        this.rules = policy.parameters().get(RULES);
        this.employmentScope = policy.employmentScope();
        this.scopeParameter = policy.parameters().get(cn.gov.qinghai.wage.rules.PolicyStandards.EMPLOYMENT_SCOPE);
    }

    public CheckComplianceResponse check(CheckComplianceRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.getRecordsCount() == 0) {
            errors.add("records", "must contain at least one record");
        } else if (request.getRecordsCount() > MAX_BATCH) {
            errors.add("records", "must contain at most " + MAX_BATCH + " records; use StreamCompliance for more");
        }
        errors.throwIfAny();
        Checker checker = newChecker(true);
        List<PayrollInput> inputs = new ArrayList<>();
        for (int i = 0; i < request.getRecordsCount(); i++) {
            inputs.add(checker.validate(request.getRecords(i), errors.at("records[" + i + "]")));
        }
        errors.throwIfAny();
        CheckComplianceResponse.Builder out = CheckComplianceResponse.newBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            out.addResults(checker.evaluate(i, inputs.get(i), errors.at("records[" + i + "]")));
        }
        errors.throwIfAny();
        return out.setSummary(checker.summary()).build();
    }

    /** A checker for one batch or stream: caches the standards it looks up and keeps running totals. */
    public Checker newChecker(boolean explain) {
        return new Checker(explain);
    }

    /** Not thread-safe: one per call. */
    public final class Checker {
        private final boolean explain;
        private final Map<String, StandardUse> standards = new HashMap<>();
        private final Map<LocalDate, ParameterValue> ruleValues = new HashMap<>();
        private long records;
        private long compliant;
        private long nonCompliant;
        private long invalid;
        private BigDecimal totalShortfall = BigDecimal.ZERO;

        /** Input bounds (hours per period) as in force when the check runs. */
        private final ParameterValue validationRules = rules.at(LocalDate.now(clock));
        /** The employers the standard covers (41号 二), as in force when the check runs. */
        private final ParameterValue scope = scopeParameter.at(LocalDate.now(clock));

        private Checker(boolean explain) {
            this.explain = explain;
        }

        PayrollInput validate(PayrollRecord record, FieldErrors errors) {
            return PayrollValidator.validate(record, errors, validationRules, scope);
        }

        /** Checks a valid record; a record whose date/region has no standard gets violations in {@code errors}. */
        ComplianceResult evaluate(long index, PayrollInput in, FieldErrors errors) {
            records++;
            StandardUse standard;
            ParameterValue ruleValue;
            try {
                standard = standards.computeIfAbsent(in.region() + "|" + in.periodStart(), k -> {
                    StandardBook.InForce f = book.inForce(in.region(), in.periodStart());
                    return new StandardUse(f.standard(), f.policy());
                });
                ruleValue = rulesAt(in.periodStart());
            } catch (ParameterLookupException e) {
                ServiceException mapped = ErrorStatus.fromLookup(e);
                String field = e.kind() == ParameterLookupException.Kind.REGION_NOT_COVERED ? "region" : "period";
                errors.add(field, mapped.getMessage());
                invalid++;
                return ComplianceResult.newBuilder()
                        .setIndex(index)
                        .setReference(in.reference())
                        .build();
            }
            ComplianceRule.Outcome o = ComplianceRule.evaluate(in, standard, ruleValue, employmentScope, explain);
            if (o.compliant()) {
                compliant++;
            } else {
                nonCompliant++;
                totalShortfall = totalShortfall.add(o.shortfall());
            }
            ComplianceResult.Builder r = ComplianceResult.newBuilder()
                    .setIndex(index)
                    .setReference(in.reference())
                    .setCompliant(o.compliant())
                    .setCountedPay(Money.format(o.countedPay()))
                    .setMinimumRequired(Money.format(o.minimumRequired()))
                    .setShortfall(Money.format(o.shortfall()))
                    .setStandardApplied(Money.format(o.standardApplied()))
                    .setStandardEffectiveFrom(standard.standard().effectiveFromText());
            if (o.explanation() != null) {
                r.setExplanation(o.explanation());
            }
            return r.build();
        }

        /** Validates and checks one streamed record; an invalid record becomes a result listing its violations. */
        public ComplianceResult checkStreamed(long index, PayrollRecord record) {
            FieldErrors errors = new FieldErrors();
            PayrollInput in = validate(record, errors);
            ComplianceResult result = in == null ? null : evaluate(index, in, errors);
            if (!errors.isEmpty()) {
                if (in == null) {
                    records++;
                    invalid++;
                }
                ComplianceResult.Builder r = ComplianceResult.newBuilder()
                        .setIndex(index)
                        .setReference(record.getReference().length() <= 64 ? record.getReference() : "");
                for (FieldViolation v : errors.violations()) {
                    r.addViolations(cn.gov.qinghai.wage.v1.FieldViolation.newBuilder()
                            .setField(v.field())
                            .setDescription(v.description()));
                }
                return r.build();
            }
            return result;
        }

        public ComplianceSummary summary() {
            return ComplianceSummary.newBuilder()
                    .setRecords(records)
                    .setCompliant(compliant)
                    .setNonCompliant(nonCompliant)
                    .setInvalid(invalid)
                    .setTotalShortfall(Money.format(totalShortfall))
                    .build();
        }

        private ParameterValue rulesAt(LocalDate date) {
            return ruleValues.computeIfAbsent(date, rules::at);
        }
    }
}
