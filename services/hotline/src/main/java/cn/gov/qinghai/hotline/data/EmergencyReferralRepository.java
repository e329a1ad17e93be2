package cn.gov.qinghai.hotline.data;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Emergency referrals. Callers own the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmergencyReferralRepository extends GenericRepository<EmergencyReferralRow, Long> {

    /** Records a referral unless its request id is taken; 0 when it is (the caller replays). */
    @Query("""
            INSERT INTO emergency_referral (request_id, payload_hash, region, prefecture, category_code, channel, at,
                classification)
            VALUES (:requestId, :payloadHash, :region, :prefecture, :categoryCode, :channel, :at, :classification)
            ON CONFLICT (request_id) DO NOTHING""")
    int insertIfNew(EmergencyReferralRow row);

    Optional<EmergencyReferralRow> findByRequestId(String requestId);
}
