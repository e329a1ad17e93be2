package cn.gov.qinghai.hotline.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** SQL over {@code emergency_referral}: matters answered "call 110 now". Callers own the transaction. */
@Singleton
public class EmergencyStore {

    /** A stored referral: its payload hash (replay check) and the answer given. */
    public record Referral(String payloadHash, byte[] classification) {}

    private final JdbcOperations jdbc;

    public EmergencyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return Sql.update(
                        jdbc,
                        "INSERT INTO emergency_referral (request_id, payload_hash, region, prefecture, "
                                + "category_code, channel, at, classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (request_id) DO NOTHING",
                        ps -> {
                            ps.setString(1, requestId);
                            ps.setString(2, payloadHash);
                            ps.setString(3, region);
                            ps.setString(4, prefecture);
                            ps.setString(5, category);
                            ps.setString(6, channel);
                            ps.setTimestamp(7, TicketStore.ts(at));
                            ps.setBytes(8, classification);
                        })
                == 1;
    }

    public Optional<Referral> byRequestId(String requestId) {
        return Sql.query(
                        jdbc,
                        "SELECT payload_hash, classification FROM emergency_referral WHERE request_id = ?",
                        ps -> ps.setString(1, requestId),
                        rs -> new Referral(rs.getString(1), rs.getBytes(2)))
                .stream()
                .findFirst();
    }
}
