package cn.gov.qinghai.dibao.data;

import cn.gov.qinghai.kit.params.Citation;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.sql.ColumnTransformer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code county_payment_method}: a county's payment method published at run time (append-only); the tiers
 * as their stored JSON (a {@code CountyPaymentMethod} with only tiers set), cast to jsonb on insert.
 */
@MappedEntity("county_payment_method")
public record PaymentMethodRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String payloadHash,
        String county,
        LocalDate effectiveFrom,
        String method,

        @MappedProperty("tiers") @ColumnTransformer(write = "CAST(? AS jsonb)")
        String tiersJson,

        String citationDocument,
        String citationClause,
        String citationTitle,
        String citationNote,
        String publishedBy,
        Instant publishedAt) {

    public Citation citation() {
        return new Citation(citationDocument, citationClause, citationTitle, citationNote);
    }
}
