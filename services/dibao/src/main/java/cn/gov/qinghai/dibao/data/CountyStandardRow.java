package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.params.Citation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of {@code county_standard}: a county's dibao standard published at run time (append-only). */
public record CountyStandardRow(
        long id,
        String requestId,
        String county,
        LocalDate effectiveFrom,
        BigDecimal annualAmount,
        Citation citation,
        String publishedBy,
        Instant publishedAt) {

    public static final String COLUMNS = "id, request_id, county, effective_from, annual_amount, citation_document, "
            + "citation_clause, citation_title, citation_note, published_by, published_at";

    public static CountyStandardRow map(ResultSet rs) throws SQLException {
        return new CountyStandardRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getBigDecimal(5),
                new Citation(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant());
    }
}
