package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.params.Citation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row of {@code county_payment_method}: a county's payment method published at run time (append-only); the tiers
 * as their stored JSON (a {@code CountyPaymentMethod} with only tiers set).
 */
public record PaymentMethodRow(
        long id,
        String requestId,
        String payloadHash,
        String county,
        LocalDate effectiveFrom,
        String method,
        String tiersJson,
        Citation citation,
        String publishedBy,
        Instant publishedAt) {

    static final String COLUMNS = "id, request_id, payload_hash, county, effective_from, method, tiers::text, "
            + "citation_document, citation_clause, citation_title, citation_note, published_by, published_at";

    static PaymentMethodRow map(ResultSet rs) throws SQLException {
        return new PaymentMethodRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getString(6),
                rs.getString(7),
                new Citation(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                rs.getString(12),
                rs.getObject(13, OffsetDateTime.class).toInstant());
    }
}
