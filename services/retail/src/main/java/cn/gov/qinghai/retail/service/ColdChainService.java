package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
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
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Sql sql;
    private final RetailParameters parameters;
    private final ReadingWriter writer;
    private final Clock clock;
    private final Duration clockSkew;
    private final int flushSize;

    public ColdChainService(
            Sql sql,
            RetailParameters parameters,
            ReadingWriter writer,
            Clock clock,
            @Value("${retail.cold-chain.clock-skew:60s}") Duration clockSkew,
            @Value("${retail.cold-chain.flush-size:5000}") int flushSize) {
        this.sql = sql;
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
        if (batch != null
                && sql.one("SELECT 1 FROM batch WHERE batch_code = ?", rs -> 1, batch)
                        .isEmpty()) {
            throw TraceService.batchNotFound(batch);
        }
        LocalDate rangeFrom = range.source().entry().from() == null
                ? LocalDate.of(1900, 1, 1)
                : range.source().entry().from();
        int inserted = sql.update(
                """
                INSERT INTO shipment (shipment_code, carrier, product_class, batch_code, min_celsius, max_celsius,
                                      range_from, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_code) DO NOTHING""",
                code,
                caller.organisation(),
                productClass,
                batch,
                range.min(),
                range.max(),
                rangeFrom,
                clock.instant());
        if (inserted == 0) {
            throw ServiceException.alreadyExists("SHIPMENT_EXISTS", "shipment " + code + " is already registered");
        }
        return shipment(code).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<String> classes(LocalDate day) {
        return new ArrayList<>(((Map<String, Object>) parameters
                        .value(RetailParameters.COLD_CHAIN, day)
                        .asMap()
                        .get("classes"))
                .keySet());
    }

    private Optional<Shipment> shipment(String code) {
        return sql.one(
                "SELECT * FROM shipment WHERE shipment_code = ?",
                rs -> Shipment.newBuilder()
                        .setShipmentCode(rs.getString("shipment_code"))
                        .setCarrier(rs.getString("carrier"))
                        .setProductClass(rs.getString("product_class"))
                        .setBatchCode(
                                Optional.ofNullable(rs.getString("batch_code")).orElse(""))
                        .setMinCelsius(plain(rs.getBigDecimal("min_celsius")))
                        .setMaxCelsius(plain(rs.getBigDecimal("max_celsius")))
                        .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                        .build(),
                code);
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
        return sql.one(
                "SELECT shipment_code, carrier FROM shipment WHERE shipment_code = ?",
                rs -> new ShipmentInfo(rs.getString(1), rs.getString(2)),
                code);
    }

    /**
     * Re-detects a shipment's excursions from all its readings (streamed from the database in time order, so
     * memory stays flat) and merges them into the excursion table: an excursion keeps its id and acknowledgement
     * while its start is unchanged.
     */
    @Transactional
    public List<Excursion> redetect(String shipmentCode) {
        var range = sql.one(
                        "SELECT min_celsius, max_celsius, product_class FROM shipment WHERE shipment_code = ? FOR UPDATE",
                        rs -> new TemperatureRange(rs.getString(3), rs.getBigDecimal(1), rs.getBigDecimal(2), null),
                        shipmentCode)
                .orElseThrow();
        ExcursionDetector detector = new ExcursionDetector(range);
        sql.jdbc()
                .prepareStatement(
                        "SELECT recorded_at, celsius FROM reading WHERE shipment_code = ? ORDER BY recorded_at", ps -> {
                            ps.setFetchSize(10_000);
                            ps.setString(1, shipmentCode);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    detector.accept(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2));
                                }
                            }
                            return null;
                        });
        List<ExcursionDetector.Found> found = detector.finish();
        List<Instant> starts =
                found.stream().map(ExcursionDetector.Found::startedAt).toList();
        sql.update(
                "DELETE FROM excursion WHERE shipment_code = ? AND NOT (started_at = ANY(?::timestamptz[]))",
                shipmentCode,
                starts.stream().map(Instant::toString).toArray(String[]::new));
        for (ExcursionDetector.Found f : found) {
            sql.update(
                    """
                    INSERT INTO excursion (shipment_code, started_at, ended_at, last_out_at, peak_celsius, direction)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (shipment_code, started_at) DO UPDATE SET ended_at = excluded.ended_at,
                      last_out_at = excluded.last_out_at, peak_celsius = excluded.peak_celsius,
                      direction = excluded.direction""",
                    shipmentCode,
                    f.startedAt(),
                    f.endedAt(),
                    f.lastOutAt(),
                    f.peak(),
                    f.direction().name());
        }
        return excursions("e.shipment_code = ?", shipmentCode);
    }

    @Transactional(readOnly = true)
    public ListExcursionsResponse listExcursions(ListExcursionsRequest r) {
        FieldErrors errors = new FieldErrors();
        String code = Validation.code(errors, "shipmentCode", r.getShipmentCode());
        errors.throwIfAny();
        ShipmentInfo s = shipmentInfo(code).orElseThrow(() -> shipmentNotFound(code));
        carrierOrOfficer(s.carrier());
        return ListExcursionsResponse.newBuilder()
                .addAllExcursions(excursions("e.shipment_code = ?", code))
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
        List<Excursion> all = excursions("s.carrier = ? AND e.acknowledged_at IS NULL", carrier);
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
        List<Excursion> found = excursions("e.id = ?", r.getExcursionId());
        if (found.isEmpty()) {
            throw ServiceException.notFound("EXCURSION_NOT_FOUND", "no excursion " + r.getExcursionId());
        }
        Excursion e = found.get(0);
        Caller caller = Authority.organisation(Authority.CARRIER, e.getCarrier());
        if (e.getOngoing()) {
            throw ServiceException.failedPrecondition(
                    "EXCURSION_ONGOING",
                    "the temperature is still out of range; acknowledge once a reading is back in range");
        }
        sql.update(
                "UPDATE excursion SET acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ? "
                        + "WHERE id = ? AND acknowledged_at IS NULL",
                clock.instant(),
                caller.subject(),
                note,
                r.getExcursionId());
        return excursions("e.id = ?", r.getExcursionId()).get(0);
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

    private List<Excursion> excursions(String where, Object arg) {
        return sql.list(
                "SELECT e.*, s.carrier, s.product_class, s.min_celsius, s.max_celsius FROM excursion e "
                        + "JOIN shipment s ON s.shipment_code = e.shipment_code WHERE " + where
                        + " ORDER BY e.started_at, e.id",
                this::excursion,
                arg);
    }

    private Excursion excursion(ResultSet rs) throws SQLException {
        Instant start = Sql.instant(rs, "started_at");
        Instant end = Sql.instant(rs, "ended_at");
        Instant lastOut = Sql.instant(rs, "last_out_at");
        long seconds = Duration.between(start, end == null ? lastOut : end).toSeconds();
        BigDecimal peak = rs.getBigDecimal("peak_celsius").stripTrailingZeros();
        String min = plain(rs.getBigDecimal("min_celsius"));
        String max = plain(rs.getBigDecimal("max_celsius"));
        Explanation why = new ExplanationBuilder()
                .step("温度范围 / Range of the product class")
                .formula("range of '" + rs.getString("product_class") + "' fixed when the shipment was registered")
                .input("minCelsius", min)
                .input("maxCelsius", max)
                .result(rs.getString("direction"))
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
                .setId(rs.getLong("id"))
                .setShipmentCode(rs.getString("shipment_code"))
                .setCarrier(rs.getString("carrier"))
                .setProductClass(rs.getString("product_class"))
                .setStartedAt(start.toString())
                .setEndedAt(Sql.text(end))
                .setDurationSeconds(seconds)
                .setPeakCelsius(peak.scale() < 0 ? peak.setScale(0).toPlainString() : peak.toPlainString())
                .setDirection(rs.getString("direction"))
                .setOngoing(end == null)
                .setAcknowledgedAt(Sql.text(Sql.instant(rs, "acknowledged_at")))
                .setAcknowledgedBy(
                        Optional.ofNullable(rs.getString("acknowledged_by")).orElse(""))
                .setExplanation(why)
                .build();
    }

    private static String plain(BigDecimal d) {
        if (d == null) {
            return "";
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
