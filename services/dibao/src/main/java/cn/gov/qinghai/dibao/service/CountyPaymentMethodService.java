package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.PaymentMethodRepository;
import cn.gov.qinghai.dibao.data.PaymentMethodRow;
import cn.gov.qinghai.dibao.data.PublicationLockStore;
import cn.gov.qinghai.dibao.rules.PaymentMethodApplied;
import cn.gov.qinghai.dibao.v1.CountyPaymentMethod;
import cn.gov.qinghai.dibao.v1.GetCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.PaymentMethod;
import cn.gov.qinghai.dibao.v1.PaymentTier;
import cn.gov.qinghai.dibao.v1.PublishCountyPaymentMethodRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A county's payment method (青政办〔2017〕86号 二(三): "实行据实补差，条件不具备的地区，可继续实行按档补助"): GAP by
 * default, TIERED with the county's tiers where the county publishes it. Published by county approvers like county
 * standards — append-only, dated, never for a month already begun, idempotent by request id — so past rosters stay
 * what they were. The tier model is decided in {@code parameters/payment_method.yaml}.
 */
@Singleton
public class CountyPaymentMethodService {

    private static final Logger LOG = LoggerFactory.getLogger(CountyPaymentMethodService.class);
    private static final DecimalRule AMOUNT = DecimalRule.positiveMoney().max("100000");

    private final PaymentMethodRepository methods;
    private final PublicationLockStore locks;
    private final PolicyParameter parameter;
    private final Clock clock;

    public CountyPaymentMethodService(
            PaymentMethodRepository methods, PublicationLockStore locks, ParameterRegistry parameters, Clock clock) {
        this.methods = methods;
        this.locks = locks;
        this.parameter = parameters.get("dibao.payment_method");
        this.clock = clock;
    }

    @Transactional
    public CountyPaymentMethod publish(PublishCountyPaymentMethodRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String county = Counties.county(errors, "county", request.getCounty());
        LocalDate from = errors.date("effectiveFrom", request.getEffectiveFrom());
        if (from != null && from.isBefore(firstDate())) {
            errors.add("effectiveFrom", "must be on or after " + firstDate() + " (青政办〔2017〕86号 takes effect)");
        }
        PaymentMethod method = errors.enumValue(
                "method", request.getMethod(), PaymentMethod.PAYMENT_METHOD_UNSPECIFIED, PaymentMethod.UNRECOGNIZED);
        List<PaymentTier> tiers = tiers(errors, method, request.getTiersList(), from == null ? firstDate() : from);
        String document = errors.text("citation.document", request.getCitation().getDocument(), 200);
        String clause = errors.text("citation.clause", request.getCitation().getClause(), 100);
        String title =
                errors.optionalText("citation.title", request.getCitation().getTitle(), 500);
        String note = errors.optionalText("citation.note", request.getCitation().getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        caller.requireRegion(county);

        String hash =
                CaseService.hash(request.toBuilder().clearRequestId().build().toByteArray());
        locks.lockPaymentMethods();
        Optional<PaymentMethodRow> existing = methods.findByRequestId(requestId);
        if (existing.isPresent()) {
            if (!existing.get().payloadHash().equals(hash)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED",
                        "requestId " + requestId + " was already used for a different payment method");
            }
            return toProto(existing.get());
        }
        LocalDate firstOfMonth = LocalDate.now(clock).withDayOfMonth(1);
        if (from.isBefore(firstOfMonth)) {
            throw ServiceException.failedPrecondition(
                    "EFFECTIVE_DATE_IN_PAST_MONTH",
                    "effectiveFrom " + from + " is before " + firstOfMonth + ": rosters of past months are final");
        }
        Optional<LocalDate> newest =
                methods.findFirstByCountyOrderByEffectiveFromDesc(county).map(PaymentMethodRow::effectiveFrom);
        if (newest.isPresent() && !from.isAfter(newest.get())) {
            throw ServiceException.failedPrecondition(
                    "EFFECTIVE_DATE_NOT_AFTER_NEWEST",
                    "effectiveFrom " + from + " must be after the county's newest payment method, which starts "
                            + newest.get() + "; history is never rewritten");
        }
        String tiersJson = ProtoJson.write(
                CountyPaymentMethod.newBuilder().addAllTiers(tiers).build());
        PaymentMethodRow saved = methods.save(new PaymentMethodRow(
                null,
                requestId,
                hash,
                county,
                from,
                method.name(),
                tiersJson,
                document,
                clause,
                title == null ? "" : title,
                note == null ? "" : note,
                caller.subject(),
                // as stored (timestamptz keeps microseconds), so this reply shows what later reads show
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        LOG.info(
                "published dibao payment method {} ({}) for county {} from {} by {}",
                saved.id(),
                method,
                county,
                from,
                caller.subject());
        return toProto(saved);
    }

    @Transactional(readOnly = true)
    public CountyPaymentMethod get(GetCountyPaymentMethodRequest request) {
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        LocalDate date = errors.date("date", request.getDate());
        if (date != null && date.isBefore(firstDate())) {
            errors.add("date", "must be on or after " + firstDate() + " (青政办〔2017〕86号 takes effect)");
        }
        errors.throwIfAny();
        return inForce(county, date)
                .map(CountyPaymentMethodService::toProto)
                .orElseGet(() -> CountyPaymentMethod.newBuilder()
                        .setCounty(county)
                        .setEffectiveFrom(firstDate().toString())
                        .setMethod(PaymentMethod.GAP)
                        .setSource("DEFAULT")
                        .setCitation(parameter.at(date).citation().toProto())
                        .build());
    }

    /** The method in force in {@code county} on {@code date} (GAP when nothing is published or county is null). */
    @Transactional(readOnly = true)
    public PaymentMethodApplied applied(String county, LocalDate date) {
        if (county == null) {
            return PaymentMethodApplied.GAP;
        }
        return inForce(county, date)
                .map(r -> new PaymentMethodApplied(
                        r.method(),
                        tiers(r).stream()
                                .map(t -> new PaymentMethodApplied.Tier(
                                        t.getAnnualGapUpTo().isBlank() ? null : new BigDecimal(t.getAnnualGapUpTo()),
                                        new BigDecimal(t.getMonthlyPerPerson())))
                                .toList(),
                        "county " + county + " " + r.method() + " from " + r.effectiveFrom() + " published by "
                                + r.publishedBy() + " (" + r.citation().document() + " "
                                + r.citation().clause() + ")",
                        r.citation()))
                .orElse(PaymentMethodApplied.GAP);
    }

    private Optional<PaymentMethodRow> inForce(String county, LocalDate date) {
        return methods.inForce(county, date);
    }

    /** The stored tiers of a publication. */
    private static List<PaymentTier> tiers(PaymentMethodRow r) {
        return ProtoJson.read(r.tiersJson(), CountyPaymentMethod.newBuilder()).getTiersList();
    }

    private LocalDate firstDate() {
        return parameter.values().get(0).from();
    }

    /** Tiers: none for GAP; 1..maxTiers for TIERED, bounds strictly ascending, only the last one open-ended. */
    private List<PaymentTier> tiers(FieldErrors errors, PaymentMethod method, List<PaymentTier> tiers, LocalDate date) {
        List<PaymentTier> out = new ArrayList<>();
        if (method == PaymentMethod.GAP) {
            errors.check(tiers.isEmpty(), "tiers", "must be empty for GAP (据实补差 pays the exact gap)");
            return out;
        }
        if (method != PaymentMethod.TIERED) {
            return out;
        }
        int max = parameter.at(date).decimal("maxTiers").intValueExact();
        if (tiers.isEmpty() || tiers.size() > max) {
            errors.add("tiers", "TIERED needs 1 to " + max + " tiers, found " + tiers.size());
            return out;
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            FieldErrors at = errors.at("tiers[" + i + "]");
            PaymentTier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            BigDecimal upTo = null;
            if (last) {
                at.check(
                        t.getAnnualGapUpTo().isBlank(),
                        "annualGapUpTo",
                        "must be empty on the last tier (open-ended, so every eligible household is in a tier)");
            } else if (t.getAnnualGapUpTo().isBlank()) {
                at.add("annualGapUpTo", "is required on every tier but the last");
            } else {
                upTo = at.decimal("annualGapUpTo", t.getAnnualGapUpTo(), AMOUNT);
                if (upTo != null && previous != null && upTo.compareTo(previous) <= 0) {
                    at.add("annualGapUpTo", "must be above the previous tier's bound " + Money.plain(previous));
                }
                if (upTo != null) {
                    previous = upTo;
                }
            }
            BigDecimal amount = at.decimal("monthlyPerPerson", t.getMonthlyPerPerson(), AMOUNT);
            out.add(PaymentTier.newBuilder()
                    .setAnnualGapUpTo(upTo == null ? "" : Money.format(upTo))
                    .setMonthlyPerPerson(amount == null ? "" : Money.format(amount))
                    .build());
        }
        return out;
    }

    private static CountyPaymentMethod toProto(PaymentMethodRow r) {
        return CountyPaymentMethod.newBuilder()
                .setCounty(r.county())
                .setEffectiveFrom(r.effectiveFrom().toString())
                .setMethod(PaymentMethod.valueOf(r.method()))
                .addAllTiers(tiers(r))
                .setSource("COUNTY_PUBLISHED")
                .setPublishedBy(r.publishedBy())
                .setPublishedAt(r.publishedAt().toString())
                .setCitation(r.citation().toProto())
                .setRequestId(r.requestId())
                .build();
    }
}
