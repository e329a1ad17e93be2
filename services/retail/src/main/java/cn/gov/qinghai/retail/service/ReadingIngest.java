package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.ReadingStore;
import cn.gov.qinghai.retail.v1.IngestSummary;
import cn.gov.qinghai.retail.v1.Reading;
import cn.gov.qinghai.retail.v1.RejectedReading;
import cn.gov.qinghai.retail.v1.StreamReadingsRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ingest of one readings stream. Each reading gets a stream-wide index; a bad reading is rejected with that
 * index and the rest is kept. Valid readings are buffered as COPY rows and written every {@code flushSize}
 * readings, so memory stays flat however long the stream is (gRPC requests the next message only after
 * {@link #accept} returns).
 */
public final class ReadingIngest {

    static final int MAX_LISTED_REJECTIONS = 1000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,3})?");

    private final ColdChainService service;
    private final ReadingStore writer;
    private final String carrier;
    private final Clock clock;
    private final Duration skew;
    private final int flushSize;
    private final BigDecimal plausibleMin;
    private final BigDecimal plausibleMax;
    private final Map<String, Boolean> ownShipments = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final IngestSummary.Builder summary = IngestSummary.newBuilder();
    private final StringBuilder buffer = new StringBuilder();
    private int buffered;
    private long index;

    ReadingIngest(
            ColdChainService service,
            ReadingStore writer,
            String carrier,
            Clock clock,
            Duration skew,
            int flushSize,
            BigDecimal plausibleMin,
            BigDecimal plausibleMax) {
        this.service = service;
        this.writer = writer;
        this.carrier = carrier;
        this.clock = clock;
        this.skew = skew;
        this.flushSize = flushSize;
        this.plausibleMin = plausibleMin;
        this.plausibleMax = plausibleMax;
    }

    public void accept(StreamReadingsRequest chunk) {
        String code = chunk.getShipmentCode();
        Boolean own = ownShipments.computeIfAbsent(code, c -> {
            Optional<ColdChainService.ShipmentInfo> s =
                    c.matches("[A-Za-z0-9._-]{4,64}") ? service.shipmentInfo(c) : Optional.empty();
            if (s.isEmpty()) {
                return null;
            }
            if (!s.get().carrier().equals(carrier)) {
                throw ServiceException.permissionDenied(
                        "NOT_YOUR_SHIPMENT", "shipment " + c + " belongs to another carrier");
            }
            return Boolean.TRUE;
        });
        Instant now = clock.instant();
        for (Reading reading : chunk.getReadingsList()) {
            long i = index++;
            summary.setReceived(summary.getReceived() + 1);
            if (own == null) {
                reject(i, "shipmentCode", "no shipment with code '" + clip(code) + "' is registered");
                continue;
            }
            Instant at = null;
            try {
                at = OffsetDateTime.parse(reading.getRecordedAt()).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                reject(
                        i,
                        "recordedAt",
                        "must be an ISO-8601 instant with offset, found '" + clip(reading.getRecordedAt()) + "'");
                continue;
            }
            if (at.isAfter(now.plus(skew))) {
                reject(i, "recordedAt", "is in the future (" + at + " is after the service clock " + now + ")");
                continue;
            }
            String text = reading.getCelsius().trim();
            if (!DECIMAL.matcher(text).matches()) {
                reject(
                        i,
                        "celsius",
                        "must be a decimal number of °C with at most 3 decimals, found '" + clip(text) + "'");
                continue;
            }
            BigDecimal celsius = new BigDecimal(text);
            if (celsius.compareTo(plausibleMin) < 0 || celsius.compareTo(plausibleMax) > 0) {
                reject(
                        i,
                        "celsius",
                        "is outside the plausible sensor range " + plausibleMin + " … " + plausibleMax + " °C");
                continue;
            }
            buffer.append(code)
                    .append('\t')
                    .append(at)
                    .append('\t')
                    .append(celsius.toPlainString())
                    .append('\n');
            touched.add(code);
            if (++buffered >= flushSize) {
                flush();
            }
        }
    }

    private void reject(long i, String field, String description) {
        summary.setRejected(summary.getRejected() + 1);
        if (summary.getRejectionsCount() < MAX_LISTED_REJECTIONS) {
            summary.addRejections(RejectedReading.newBuilder()
                    .setIndex(i)
                    .setField("readings[" + i + "]." + field)
                    .setDescription(description));
        }
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        int inserted = writer.write(buffer.toString());
        summary.setAccepted(summary.getAccepted() + inserted);
        summary.setDuplicates(summary.getDuplicates() + buffered - inserted);
        buffer.setLength(0);
        buffered = 0;
    }

    /** Writes what is left, re-detects excursions of every shipment touched and returns the summary. */
    public IngestSummary finish() {
        flush();
        for (String code : touched) {
            summary.addAllExcursions(service.redetect(code));
        }
        return summary.build();
    }

    private static String clip(String s) {
        String v = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
