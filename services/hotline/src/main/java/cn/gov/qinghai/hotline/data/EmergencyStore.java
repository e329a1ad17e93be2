package cn.gov.qinghai.hotline.data;

import cn.gov.qinghai.kit.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** SQL over {@code emergency_referral}: matters answered "call 110 now". Callers own the transaction. */
@Singleton
public class EmergencyStore {

    /** A stored referral: its payload hash (replay check) and the answer given. */
    public record Referral(String payloadHash, byte[] classification) {}

    private final Sql sql;

    public EmergencyStore(Sql sql) {
        this.sql = sql;
    }

    /** Records a referral unless its request id is taken; false when it is (the caller replays). */
    public boolean insertIfNew(
            String requestId,
            String payloadHash,
            String region,
            String prefecture,
            String category,
            String channel,
            Instant at,
            byte[] classification) {
        return sql.update(
                        "INSERT INTO emergency_referral (request_id, payload_hash, region, prefecture, "
                                + "category_code, channel, at, classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (request_id) DO NOTHING",
                        requestId,
                        payloadHash,
                        region,
                        prefecture,
                        category,
                        channel,
                        at,
                        classification)
                == 1;
    }

    public Optional<Referral> byRequestId(String requestId) {
        return sql.one(
                "SELECT payload_hash, classification FROM emergency_referral WHERE request_id = ?",
                rs -> new Referral(rs.getString(1), rs.getBytes(2)),
                requestId);
    }
}
