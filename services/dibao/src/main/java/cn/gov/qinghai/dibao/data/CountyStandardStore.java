package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for {@code county_standard} (append-only). Callers hold the transaction. */
@Singleton
public class CountyStandardStore {

    /** Advisory lock key of standard publications ("DBST"). */
    private static final long PUBLISH_LOCK = 0x44425354L;

    private final Sql db;

    public CountyStandardStore(Sql db) {
        this.db = db;
    }

    /** Serialises publications until the transaction ends, so the newest-date check and the insert are one step. */
    public void lockPublications() {
        db.lock(PUBLISH_LOCK);
    }

    public Optional<CountyStandardRow> byRequestId(String requestId) {
        return db.one(
                "SELECT " + CountyStandardRow.COLUMNS + " FROM county_standard WHERE request_id = ?",
                CountyStandardRow::map,
                requestId);
    }

    /** The effective date of the county's newest standard, if it has one. */
    public Optional<LocalDate> newestFrom(String county) {
        return db.one(
                "SELECT max(effective_from) FROM county_standard WHERE county = ?",
                rs -> rs.getObject(1, LocalDate.class),
                county);
    }

    public CountyStandardRow insert(
            String requestId,
            String county,
            LocalDate from,
            BigDecimal amount,
            String document,
            String clause,
            String title,
            String note,
            String publishedBy,
            Instant publishedAt) {
        return db.one(
                        "INSERT INTO county_standard (request_id, county, effective_from, "
                                + "annual_amount, citation_document, citation_clause, citation_title, citation_note, published_by, "
                                + "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                                + CountyStandardRow.COLUMNS,
                        CountyStandardRow::map,
                        requestId,
                        county,
                        from,
                        amount,
                        document,
                        clause,
                        title,
                        note,
                        publishedBy,
                        publishedAt)
                .orElseThrow();
    }

    /** The county's standard in force on {@code date}, if one was published by then. */
    public Optional<CountyStandardRow> inForce(String county, LocalDate date) {
        return db.one(
                "SELECT " + CountyStandardRow.COLUMNS + " FROM county_standard WHERE county = ? "
                        + "AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                CountyStandardRow::map,
                county,
                date);
    }

    /** Every published standard, oldest first. */
    public List<CountyStandardRow> all() {
        return db.list(
                "SELECT " + CountyStandardRow.COLUMNS + " FROM county_standard ORDER BY effective_from, id",
                CountyStandardRow::map);
    }
}
