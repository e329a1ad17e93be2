package cn.gov.qinghai.hotline.data;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code emergency_referral}: a matter answered "call 110 now" — no ticket, no description or contact,
 * only what the quarterly volumes need, its payload hash (replay check) and the answer given.
 */
@MappedEntity("emergency_referral")
public record EmergencyReferralRow(
        @Id @GeneratedValue Long id,
        String requestId,
        String payloadHash,
        String region,
        String prefecture,
        String categoryCode,
        String channel,
        Instant at,
        byte[] classification) {}
