package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** SQL for {@code county_payment_method} (append-only). Callers hold the transaction. */
@Singleton
public class PaymentMethodStore {

    /** Advisory lock key of payment-method publications ("DBPM"). */
    private static final long PUBLISH_LOCK = 0x4442504DL;

    private final Sql db;

    public PaymentMethodStore(Sql db) {
        this.db = db;
    }

    /** Serialises publications until the transaction ends, so the newest-date check and the insert are one step. */
    public void lockPublications() {
        db.lock(PUBLISH_LOCK);
    }

    public Optional<PaymentMethodRow> byRequestId(String requestId) {
        return db.one(
                "SELECT " + PaymentMethodRow.COLUMNS + " FROM county_payment_method WHERE request_id = ?",
                PaymentMethodRow::map,
                requestId);
    }

    /** The effective date of the county's newest payment method, if it has one. */
    public Optional<LocalDate> newestFrom(String county) {
        return db.one(
                "SELECT max(effective_from) FROM county_payment_method WHERE county = ?",
                rs -> rs.getObject(1, LocalDate.class),
                county);
    }

    public PaymentMethodRow insert(
            String requestId,
            String payloadHash,
            String county,
            LocalDate from,
            String method,
            String tiersJson,
            String document,
            String clause,
            String title,
            String note,
            String publishedBy,
            Instant publishedAt) {
        return db.one(
                        "INSERT INTO county_payment_method (request_id, payload_hash, county, effective_from, method, "
                                + "tiers, citation_document, citation_clause, citation_title, citation_note, published_by, "
                                + "published_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING "
                                + PaymentMethodRow.COLUMNS,
                        PaymentMethodRow::map,
                        requestId,
                        payloadHash,
                        county,
                        from,
                        method,
                        tiersJson,
                        document,
                        clause,
                        title,
                        note,
                        publishedBy,
                        publishedAt)
                .orElseThrow();
    }

    /** The county's payment method in force on {@code date}, if one was published by then. */
    public Optional<PaymentMethodRow> inForce(String county, LocalDate date) {
        return db.one(
                "SELECT " + PaymentMethodRow.COLUMNS + " FROM county_payment_method WHERE county = ? "
                        + "AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                PaymentMethodRow::map,
                county,
                date);
    }
}
