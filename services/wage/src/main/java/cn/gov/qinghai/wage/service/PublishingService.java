package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.wage.data.PublishedStandardRepository;
import cn.gov.qinghai.wage.data.PublishedStandardRow;
import cn.gov.qinghai.wage.data.PublishedStandardStore;
import cn.gov.qinghai.wage.rules.WageStandard;
import cn.gov.qinghai.wage.v1.PublishStandardRequest;
import cn.gov.qinghai.wage.v1.PublishedStandard;
import cn.gov.qinghai.wage.v1.StandardSource;
import cn.gov.qinghai.wage.v1.StandardVersion;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a new dated minimum-wage standard (role {@code wage:admin}, region-scoped). Append-only: the effective
 * date must be after the newest standard for the region, and a retry with the same request id returns the first
 * result. Publications are serialised by a transaction-scoped advisory lock so two concurrent publishers cannot
 * both pass the "after the newest" check.
 */
@Singleton
public class PublishingService {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingService.class);

    public static final String ROLE = "wage:admin";

    private final PublishedStandardRepository repository;
    private final StandardBook book;
    private final PublishedStandardStore standards;
    private final Clock clock;

    public PublishingService(
            PublishedStandardRepository repository, StandardBook book, PublishedStandardStore standards, Clock clock) {
        this.repository = repository;
        this.book = book;
        this.standards = standards;
        this.clock = clock;
    }

    @Transactional
    public PublishedStandard publish(PublishStandardRequest request) {
        Caller caller = Caller.current().requireAnyRole(ROLE);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String region = errors.provinceOrPrefecture("region", request.getRegion());
        LocalDate from = errors.date("effectiveFrom", request.getEffectiveFrom());
        BigDecimal monthly = errors.decimal(
                "monthly", request.getMonthly(), DecimalRule.positiveMoney().max("1000000"));
        BigDecimal hourly = errors.decimal(
                "hourly", request.getHourly(), DecimalRule.positiveMoney().max("10000"));
        String document = errors.text("citation.document", request.getCitation().getDocument(), 200);
        String clause = errors.text("citation.clause", request.getCitation().getClause(), 100);
        String title =
                errors.optionalText("citation.title", request.getCitation().getTitle(), 500);
        String note = errors.optionalText("citation.note", request.getCitation().getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        caller.requireRegion(region);

        standards.lockPublications();
        var existing = repository.findByRequestId(requestId);
        if (existing.isPresent()) {
            PublishedStandardRow row = existing.get();
            boolean same = row.region().equals(region)
                    && row.effectiveFrom().equals(from)
                    && row.monthly().compareTo(monthly) == 0
                    && row.hourly().compareTo(hourly) == 0;
            if (!same) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different standard");
            }
            return toProto(row);
        }
        book.refresh();
        LocalDate newest = book.newestStart(region);
        if (!from.isAfter(newest)) {
            throw ServiceException.failedPrecondition(
                            "EFFECTIVE_DATE_NOT_AFTER_NEWEST",
                            "effectiveFrom " + from + " must be after the newest standard for " + region
                                    + ", which starts " + newest + "; history is never rewritten")
                    .withMetadata(Map.of("newestEffectiveFrom", newest.toString()));
        }
        PublishedStandardRow saved = repository.save(new PublishedStandardRow(
                null,
                requestId,
                region,
                from,
                Money.yuan(monthly),
                Money.yuan(hourly),
                document,
                clause,
                Objects.requireNonNullElse(title, ""),
                Objects.requireNonNullElse(note, ""),
                caller.subject(),
                clock.instant()));
        book.refresh();
        LOG.info("published minimum wage standard {} for {} from {} by {}", saved.id(), region, from, caller.subject());
        return toProto(saved);
    }

    private static PublishedStandard toProto(PublishedStandardRow row) {
        WageStandard s = StandardBook.toStandard(row);
        return PublishedStandard.newBuilder()
                .setId(String.valueOf(row.id()))
                .setRequestId(row.requestId())
                .setRegion(row.region())
                .setStandard(StandardVersion.newBuilder()
                        .setEffectiveFrom(s.effectiveFromText())
                        .setMonthly(Money.format(s.monthly()))
                        .setHourly(Money.format(s.hourly()))
                        .setCitation(s.citation().toProto())
                        .setSource(StandardSource.PUBLISHED)
                        .setPublishedBy(s.publishedBy())
                        .setPublishedAt(s.publishedAt().toString()))
                .build();
    }
}
