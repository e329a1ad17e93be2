package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.CountyStandardRepository;
import cn.gov.qinghai.dibao.data.CountyStandardRow;
import cn.gov.qinghai.dibao.data.PublicationLockStore;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.rules.StandardApplied;
import cn.gov.qinghai.dibao.v1.CountyStandard;
import cn.gov.qinghai.dibao.v1.GetCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.PublishCountyStandardRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterLookupException;
import cn.gov.qinghai.kit.params.ParameterValue;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * County dibao standards (青政办〔2017〕86号 二(三)): published by county approvers, append-only, never below the
 * provincial floor in force on their effective date. A standard may not start in a month that has already begun
 * before the current one, so the roster of every past month stays what it was.
 */
@Singleton
public class CountyStandardService {

    private static final Logger LOG = LoggerFactory.getLogger(CountyStandardService.class);
    private final CountyStandardRepository standards;
    private final PublicationLockStore locks;
    private final ProvincialFloor floor;
    private final Clock clock;

    public CountyStandardService(
            CountyStandardRepository standards, PublicationLockStore locks, ProvincialFloor floor, Clock clock) {
        this.standards = standards;
        this.locks = locks;
        this.floor = floor;
        this.clock = clock;
    }

    @Transactional
    public CountyStandard publish(PublishCountyStandardRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String county = Counties.county(errors, "county", request.getCounty());
        LocalDate from = errors.date("effectiveFrom", request.getEffectiveFrom());
        BigDecimal amount = errors.decimal(
                "annualAmount",
                request.getAnnualAmount(),
                DecimalRule.positiveMoney().max("1000000"));
        String document = errors.text("citation.document", request.getCitation().getDocument(), 200);
        String clause = errors.text("citation.clause", request.getCitation().getClause(), 100);
        String title =
                errors.optionalText("citation.title", request.getCitation().getTitle(), 500);
        String note = errors.optionalText("citation.note", request.getCitation().getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        caller.requireRegion(county);

        locks.lockStandards();
        Optional<CountyStandardRow> existing = standards.findByRequestId(requestId);
        if (existing.isPresent()) {
            CountyStandardRow row = existing.get();
            if (!row.county().equals(county)
                    || !row.effectiveFrom().equals(from)
                    || row.annualAmount().compareTo(amount) != 0) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different standard");
            }
            return toProto(row, floorOrNull(row.effectiveFrom()));
        }
        LocalDate firstOfMonth = LocalDate.now(clock).withDayOfMonth(1);
        if (from.isBefore(firstOfMonth)) {
            throw ServiceException.failedPrecondition(
                    "EFFECTIVE_DATE_IN_PAST_MONTH",
                    "effectiveFrom " + from + " is before " + firstOfMonth + ": rosters of past months are final");
        }
        ParameterValue floorValue = floor.at(from);
        if (amount.compareTo(floorValue.decimal()) < 0) {
            throw ServiceException.failedPrecondition(
                            "BELOW_PROVINCIAL_FLOOR",
                            "annualAmount " + Money.format(amount) + " is below the provincial floor "
                                    + Money.format(floorValue.decimal()) + " CNY/person/year in force on " + from
                                    + " (青政办〔2017〕86号 二(三))")
                    .withMetadata(Map.of("provincialFloor", Money.format(floorValue.decimal())));
        }
        Optional<LocalDate> newest =
                standards.findFirstByCountyOrderByEffectiveFromDesc(county).map(CountyStandardRow::effectiveFrom);
        if (newest.isPresent() && !from.isAfter(newest.get())) {
            throw ServiceException.failedPrecondition(
                    "EFFECTIVE_DATE_NOT_AFTER_NEWEST",
                    "effectiveFrom " + from + " must be after the county's newest standard, which starts "
                            + newest.get() + "; history is never rewritten");
        }
        CountyStandardRow saved = standards.save(new CountyStandardRow(
                null,
                requestId,
                county,
                from,
                Money.yuan(amount),
                document,
                clause,
                title == null ? "" : title,
                note == null ? "" : note,
                caller.subject(),
                // as stored (timestamptz keeps microseconds), so this reply shows what later reads show
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        LOG.info("published dibao standard {} for county {} from {} by {}", saved.id(), county, from, caller.subject());
        return toProto(saved, floorValue);
    }

    @Transactional(readOnly = true)
    public CountyStandard get(GetCountyStandardRequest request) {
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        LocalDate date = errors.date("date", request.getDate());
        if (date != null && date.isBefore(floor.firstDate())) {
            errors.add("date", "must be on or after " + floor.firstDate() + " (青政办〔2017〕86号 takes effect)");
        }
        errors.throwIfAny();
        StandardApplied s = applied(county, date);
        Optional<CountyStandardRow> row = inForce(county, date);
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("适用的低保标准 / Standard applied")
                .formula("max(county standard in force on the date, provincial floor in force on the date)")
                .input("county", county)
                .input("date", date)
                .input("countyStandard", s.county() == null ? "none published" : Money.plain(s.county()))
                .parameter(s.floor())
                .result(Money.format(s.annual()) + " CNY/person/year (" + s.source() + ")")
                .cite(s.citation())
                .add();
        CountyStandard.Builder out = CountyStandard.newBuilder()
                .setCounty(county)
                .setAnnualAmount(Money.format(s.annual()))
                .setSource(s.source())
                .setProvincialFloor(Money.format(s.floor().decimal()))
                .setCitation(s.citation().toProto())
                .setExplanation(why.build());
        if ("COUNTY_PUBLISHED".equals(s.source()) && row.isPresent()) {
            out.setEffectiveFrom(row.get().effectiveFrom().toString())
                    .setPublishedBy(row.get().publishedBy())
                    .setPublishedAt(row.get().publishedAt().toString())
                    .setRequestId(row.get().requestId());
        } else {
            out.setEffectiveFrom(s.floor().effectiveFromText());
        }
        return out.build();
    }

    /** The standard applied in {@code county} (or only the floor when {@code null}) on {@code date}. */
    @Transactional(readOnly = true)
    public StandardApplied applied(String county, LocalDate date) {
        ParameterValue floorValue = floor.at(date);
        if (county == null) {
            return StandardApplied.of(floorValue, null, "", "", null);
        }
        Optional<CountyStandardRow> row = inForce(county, date);
        return row.map(r -> StandardApplied.of(
                        floorValue,
                        r.annualAmount(),
                        "COUNTY_PUBLISHED",
                        "county " + county + " standard from " + r.effectiveFrom() + " published by " + r.publishedBy(),
                        r.citation()))
                .orElseGet(() -> StandardApplied.of(floorValue, null, "", "", null));
    }

    private Optional<CountyStandardRow> inForce(String county, LocalDate date) {
        return standards.inForce(county, date);
    }

    private ParameterValue floorOrNull(LocalDate date) {
        try {
            return floor.at(date);
        } catch (ParameterLookupException e) {
            return null;
        }
    }

    private static CountyStandard toProto(CountyStandardRow row, ParameterValue floorValue) {
        Citation c = row.citation();
        return CountyStandard.newBuilder()
                .setCounty(row.county())
                .setEffectiveFrom(row.effectiveFrom().toString())
                .setAnnualAmount(Money.format(row.annualAmount()))
                .setSource("COUNTY_PUBLISHED")
                .setProvincialFloor(floorValue == null ? "" : Money.format(floorValue.decimal()))
                .setPublishedBy(row.publishedBy())
                .setPublishedAt(row.publishedAt().toString())
                .setCitation(c.toProto())
                .setRequestId(row.requestId())
                .build();
    }
}
