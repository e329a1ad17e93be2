package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.rules.PaymentMethodApplied;
import cn.gov.qinghai.dibao.v1.CountyPaymentMethod;
import cn.gov.qinghai.dibao.v1.GetCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.PaymentMethod;
import cn.gov.qinghai.dibao.v1.PaymentTier;
import cn.gov.qinghai.dibao.v1.PublishCountyPaymentMethodRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
    /** Advisory lock key of payment-method publications ("DBPM"). */
    private static final long PUBLISH_LOCK = 0x4442504DL;

    private static final String COLUMNS = "id, request_id, payload_hash, county, effective_from, method, tiers::text, "
            + "citation_document, citation_clause, citation_title, citation_note, published_by, published_at";
    private static final DecimalRule AMOUNT = DecimalRule.positiveMoney().max("100000");

    private final Sql db;
    private final PolicyParameter parameter;
    private final Clock clock;

    public CountyPaymentMethodService(Sql db, ParameterRegistry parameters, Clock clock) {
        this.db = db;
        this.parameter = parameters.get("dibao.payment_method");
        this.clock = clock;
    }

    /** A stored publication. */
    record Row(
            long id,
            String requestId,
            String payloadHash,
            String county,
            LocalDate effectiveFrom,
            String method,
            List<PaymentTier> tiers,
            Citation citation,
            String publishedBy,
            Instant publishedAt) {

        static Row map(ResultSet rs) throws SQLException {
            List<PaymentTier> tiers = ProtoJson.read(rs.getString(7), CountyPaymentMethod.newBuilder())
                    .getTiersList();
            return new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getString(6),
                    tiers,
                    new Citation(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                    rs.getString(12),
                    rs.getObject(13, OffsetDateTime.class).toInstant());
        }
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
        db.lock(PUBLISH_LOCK);
        Optional<Row> existing =
                db.one("SELECT " + COLUMNS + " FROM county_payment_method WHERE request_id = ?", Row::map, requestId);
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
        Optional<LocalDate> newest = db.one(
                "SELECT max(effective_from) FROM county_payment_method WHERE county = ?",
                rs -> rs.getObject(1, LocalDate.class),
                county);
        if (newest.isPresent() && !from.isAfter(newest.get())) {
            throw ServiceException.failedPrecondition(
                    "EFFECTIVE_DATE_NOT_AFTER_NEWEST",
                    "effectiveFrom " + from + " must be after the county's newest payment method, which starts "
                            + newest.get() + "; history is never rewritten");
        }
        String tiersJson = ProtoJson.write(
                CountyPaymentMethod.newBuilder().addAllTiers(tiers).build());
        Row saved = db.one(
                        "INSERT INTO county_payment_method (request_id, payload_hash, county, effective_from, method, "
                                + "tiers, citation_document, citation_clause, citation_title, citation_note, published_by, "
                                + "published_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING "
                                + COLUMNS,
                        Row::map,
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
                        clock.instant())
                .orElseThrow();
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
                        r.tiers().stream()
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

    private Optional<Row> inForce(String county, LocalDate date) {
        return db.one(
                "SELECT " + COLUMNS + " FROM county_payment_method WHERE county = ? AND effective_from <= ? "
                        + "ORDER BY effective_from DESC LIMIT 1",
                Row::map,
                county,
                date);
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

    private static CountyPaymentMethod toProto(Row r) {
        return CountyPaymentMethod.newBuilder()
                .setCounty(r.county())
                .setEffectiveFrom(r.effectiveFrom().toString())
                .setMethod(PaymentMethod.valueOf(r.method()))
                .addAllTiers(r.tiers())
                .setSource("COUNTY_PUBLISHED")
                .setPublishedBy(r.publishedBy())
                .setPublishedAt(r.publishedAt().toString())
                .setCitation(r.citation().toProto())
                .setRequestId(r.requestId())
                .build();
    }
}
