package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.BatchRepository;
import cn.gov.qinghai.retail.data.ExcursionRepository;
import cn.gov.qinghai.retail.data.ExcursionView;
import cn.gov.qinghai.retail.data.ReadingStore;
import cn.gov.qinghai.retail.data.ShipmentRepository;
import cn.gov.qinghai.retail.data.ShipmentRow;
import cn.gov.qinghai.retail.rules.ExcursionDetector;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.TemperatureRange;
import cn.gov.qinghai.retail.v1.AcknowledgeAlertRequest;
import cn.gov.qinghai.retail.v1.Excursion;
import cn.gov.qinghai.retail.v1.ListExcursionsRequest;
import cn.gov.qinghai.retail.v1.ListExcursionsResponse;
import cn.gov.qinghai.retail.v1.ListOpenAlertsRequest;
import cn.gov.qinghai.retail.v1.ListOpenAlertsResponse;
import cn.gov.qinghai.retail.v1.RegisterShipmentRequest;
import cn.gov.qinghai.retail.v1.Shipment;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cold-chain monitoring (青政办〔2017〕85号 二(四): 实现温控食品的全程冷链、全程追溯、全程监控): shipments with the
 * temperature range of their product class, bulk readings, excursions and carriers' open alerts.
 */
@Singleton
public class ColdChainService {

    private final ShipmentRepository shipments;
    private final ExcursionRepository excursions;
    private final BatchRepository batches;
    private final RetailParameters parameters;
    private final ReadingStore writer;
    private final Clock clock;
    private final Duration clockSkew;
    private final int flushSize;

    public ColdChainService(
            ShipmentRepository shipments,
            ExcursionRepository excursions,
            BatchRepository batches,
            RetailParameters parameters,
            ReadingStore writer,
            Clock clock,
            @Value("${retail.cold-chain.clock-skew:60s}") Duration clockSkew,
            @Value("${retail.cold-chain.flush-size:5000}") int flushSize) {
        this.shipments = shipments;
        this.excursions = excursions;
        this.batches = batches;
        this.parameters = parameters;
        this.writer = writer;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.flushSize = flushSize;
    }

    /** What the ingest of one stream needs to know about a shipment. */
    record ShipmentInfo(String code, String carrier) {}

    @Transactional
    public Shipment registerShipment(RegisterShipmentRequest r) {
        Caller caller = Authority.actingOrganisation(Authority.CARRIER);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String code = Validation.code(errors, "shipmentCode", r.getShipmentCode());
        String productClass = errors.text("productClass", r.getProductClass(), 64);
        TemperatureRange range = null;
        if (productClass != null) {
            range = TemperatureRange.of(parameters, productClass, today).orElse(null);
            if (range == null) {
                errors.add("productClass", "must be one of " + classes(today));
            }
        }
        String batch = r.getBatchCode().isEmpty() ? null : Validation.code(errors, "batchCode", r.getBatchCode());
        errors.throwIfAny();
        if (batch != null && !batches.existsById(batch)) {
            throw TraceService.batchNotFound(batch);
        }
        LocalDate rangeFrom = range.source().entry().from() == null
                ? LocalDate.of(1900, 1, 1)
                : range.source().entry().from();
        boolean inserted = shipments.insertIfAbsent(
                        code,
                        caller.organisation(),
                        productClass,
                        batch,
                        range.min(),
                        range.max(),
                        rangeFrom,
                        clock.instant())
                > 0;
        if (!inserted) {
            throw ServiceException.alreadyExists("SHIPMENT_EXISTS", "shipment " + code + " is already registered");
        }
        return shipment(shipments.findById(code).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private List<String> classes(LocalDate day) {
        return new ArrayList<>(((Map<String, Object>) parameters
                        .value(RetailParameters.COLD_CHAIN, day)
                        .asMap()
                        .get("classes"))
                .keySet());
    }

    /** A new ingest session for one client stream, acting for the calling carrier. */
    public ReadingIngest newIngest() {
        Caller caller = Authority.actingOrganisation(Authority.CARRIER);
        Map<String, Object> bounds = parameters
                .value(RetailParameters.COLD_CHAIN, LocalDate.now(clock))
                .asMap();
        return new ReadingIngest(
                this,
                writer,
                caller.organisation(),
                clock,
                clockSkew,
                flushSize,
                new BigDecimal(bounds.get("plausibleMinCelsiusInclusive").toString()),
                new BigDecimal(bounds.get("plausibleMaxCelsiusInclusive").toString()));
    }

    @Transactional(readOnly = true)
    public Optional<ShipmentInfo> shipmentInfo(String code) {
        return shipments.findCarrierById(code).map(carrier -> new ShipmentInfo(code, carrier));
    }

    /**
     * Re-detects a shipment's excursions from all its readings (streamed from the database in time order, so
     * memory stays flat) and merges them into the excursion table: an excursion keeps its id and acknowledgement
     * while its start is unchanged.
     */
    @Transactional
    public List<Excursion> redetect(String shipmentCode) {
        TemperatureRange range = shipments
                .findByIdForUpdate(shipmentCode)
                .map(s -> new TemperatureRange(s.productClass(), s.minCelsius(), s.maxCelsius(), null))
                .orElseThrow();
        ExcursionDetector detector = new ExcursionDetector(range);
        writer.inTimeOrder(shipmentCode, detector::accept);
        List<ExcursionDetector.Found> found = detector.finish();
        List<Instant> starts =
                found.stream().map(ExcursionDetector.Found::startedAt).toList();
        excursions.deleteOtherThan(
                shipmentCode, starts.stream().map(Instant::toString).toArray(String[]::new));
        for (ExcursionDetector.Found f : found) {
            excursions.merge(
                    shipmentCode,
                    f.startedAt(),
                    f.endedAt(),
                    f.lastOutAt(),
                    f.peak(),
                    f.direction().name());
        }
        return excursions(excursions.ofShipment(shipmentCode));
    }

    @Transactional(readOnly = true)
    public ListExcursionsResponse listExcursions(ListExcursionsRequest r) {
        FieldErrors errors = new FieldErrors();
        String code = Validation.code(errors, "shipmentCode", r.getShipmentCode());
        errors.throwIfAny();
        ShipmentInfo s = shipmentInfo(code).orElseThrow(() -> shipmentNotFound(code));
        carrierOrOfficer(s.carrier());
        return ListExcursionsResponse.newBuilder()
                .addAllExcursions(excursions(excursions.ofShipment(code)))
                .build();
    }

    /** Unacknowledged excursions of one carrier, newest first. */
    @Transactional(readOnly = true)
    public ListOpenAlertsResponse openAlerts(ListOpenAlertsRequest r) {
        FieldErrors errors = new FieldErrors();
        String carrier = Validation.creditCode(errors, "carrier", r.getCarrier());
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        carrierOrOfficer(carrier);
        List<Excursion> all = excursions(excursions.openOfCarrier(carrier));
        List<Excursion> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        return ListOpenAlertsResponse.newBuilder()
                .addAllAlerts(w.slice(newestFirst))
                .setTotalSize(all.size())
                .setNextPageToken(w.nextToken(all.size()))
                .build();
    }

    @Transactional
    public Excursion acknowledge(AcknowledgeAlertRequest r) {
        // Only carriers acknowledge; checked first so that no one else learns which excursion ids exist.
        Authority.actingOrganisation(Authority.CARRIER);
        FieldErrors errors = new FieldErrors();
        errors.check(r.getExcursionId() > 0, "excursionId", "is required");
        String note = errors.text("note", r.getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        Excursion e = excursions
                .view(r.getExcursionId())
                .map(ColdChainService::excursion)
                .orElseThrow(
                        () -> ServiceException.notFound("EXCURSION_NOT_FOUND", "no excursion " + r.getExcursionId()));
        Caller caller = Authority.organisation(Authority.CARRIER, e.getCarrier());
        if (e.getOngoing()) {
            throw ServiceException.failedPrecondition(
                    "EXCURSION_ONGOING",
                    "the temperature is still out of range; acknowledge once a reading is back in range");
        }
        excursions.acknowledge(r.getExcursionId(), clock.instant(), caller.subject(), note);
        return excursions
                .view(r.getExcursionId())
                .map(ColdChainService::excursion)
                .orElseThrow();
    }

    private void carrierOrOfficer(String carrier) {
        Caller c = Caller.current();
        if (c.hasRole(Authority.OFFICER)) {
            return;
        }
        Authority.organisation(Authority.CARRIER, carrier);
    }

    static ServiceException shipmentNotFound(String code) {
        return ServiceException.notFound("SHIPMENT_NOT_FOUND", "no shipment with code " + code);
    }

    private List<Excursion> excursions(List<ExcursionView> rows) {
        return rows.stream().map(ColdChainService::excursion).toList();
    }

    private static Excursion excursion(ExcursionView row) {
        Instant start = row.startedAt();
        Instant end = row.endedAt();
        Instant lastOut = row.lastOutAt();
        long seconds = Duration.between(start, end == null ? lastOut : end).toSeconds();
        BigDecimal peak = row.peakCelsius().stripTrailingZeros();
        String min = plain(row.minCelsius());
        String max = plain(row.maxCelsius());
        Explanation why = new ExplanationBuilder()
                .step("温度范围 / Range of the product class")
                .formula("range of '" + row.productClass() + "' fixed when the shipment was registered")
                .input("minCelsius", min)
                .input("maxCelsius", max)
                .result(row.direction())
                .cite(cn.gov.qinghai.kit.params.Citation.of("青政办〔2017〕85号", "二(四)")
                        .withNote("全程冷链、全程监控; figures from parameters/cold_chain_ranges.yaml"))
                .add()
                .step("持续时间 / Duration")
                .formula(
                        end == null
                                ? "ongoing: lastOutOfRangeReading − firstOutOfRangeReading"
                                : "firstReadingBackInRange − firstOutOfRangeReading")
                .input("startedAt", start)
                .input(end == null ? "lastOutAt" : "endedAt", end == null ? lastOut : end)
                .result(seconds + " s")
                .add()
                .build();
        return Excursion.newBuilder()
                .setId(row.id())
                .setShipmentCode(row.shipmentCode())
                .setCarrier(row.carrier())
                .setProductClass(row.productClass())
                .setStartedAt(start.toString())
                .setEndedAt(Sql.text(end))
                .setDurationSeconds(seconds)
                .setPeakCelsius(peak.scale() < 0 ? peak.setScale(0).toPlainString() : peak.toPlainString())
                .setDirection(row.direction())
                .setOngoing(end == null)
                .setAcknowledgedAt(Sql.text(row.acknowledgedAt()))
                .setAcknowledgedBy(Optional.ofNullable(row.acknowledgedBy()).orElse(""))
                .setExplanation(why)
                .build();
    }

    private static Shipment shipment(ShipmentRow row) {
        return Shipment.newBuilder()
                .setShipmentCode(row.shipmentCode())
                .setCarrier(row.carrier())
                .setProductClass(row.productClass())
                .setBatchCode(Optional.ofNullable(row.batchCode()).orElse(""))
                .setMinCelsius(plain(row.minCelsius()))
                .setMaxCelsius(plain(row.maxCelsius()))
                .setRegisteredAt(Sql.text(row.registeredAt()))
                .build();
    }

    /** A decimal as API text without trailing zeros ("2", "-18.5"), or empty when absent. */
    private static String plain(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
