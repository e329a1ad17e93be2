package cn.gov.qinghai.hotline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.hotline.data.EmergencyReferralRepository;
import cn.gov.qinghai.hotline.data.TicketRepository;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intake inserts that a concurrent request with the same request id can beat (ON CONFLICT (request_id) DO
 * NOTHING) answer 0 — the row count, which IntakeService reads as "replay the winner" — instead of failing, and the
 * transaction goes on. The race itself cannot be staged over gRPC, so the repositories are called directly, in one
 * transaction rolled back at the end (nothing stays for the other tests).
 */
class ConflictingInsertsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HotlineTestSupport.SERVICE;

    static final String REGION = "630102";
    static final String PREFECTURE = "630100";
    static final Instant AT = Instant.parse("2017-07-03T04:05:06.123456Z");
    static final String HASH = "0".repeat(64);

    @Test
    void anIntakeInsertThatLosesItsRequestIdAnswersZeroAndTheTransactionGoesOn() {
        ApplicationContext context = SERVICE.service().context();
        TicketRepository tickets = context.getBean(TicketRepository.class);
        EmergencyReferralRepository referrals = context.getBean(EmergencyReferralRepository.class);
        TransactionOperations<?> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            status.setRollbackOnly();
            assertEquals(1, ticket(tickets, "20170703-CONFLCT1", "first"));
            assertEquals(0, ticket(tickets, "20170703-CONFLCT2", "second"), "same request id, other number");
            TicketRow stored = tickets.findByRequestId("conflict-ticket").orElseThrow();
            assertEquals("20170703-CONFLCT1", stored.number(), "the first insert stays");
            assertEquals(1, stored.version());
            assertEquals(AT, stored.receivedAt());

            assertEquals(1, referral(referrals, new byte[] {1}));
            assertEquals(0, referral(referrals, new byte[] {2}), "same request id");
            assertArrayEquals(
                    new byte[] {1},
                    referrals.findByRequestId("conflict-referral").orElseThrow().classification(),
                    "the first insert stays");
            return null;
        });
    }

    private static int ticket(TicketRepository tickets, String number, String description) {
        return tickets.insertIfNew(
                number,
                "conflict-ticket",
                HASH,
                "PENDING_CLASSIFICATION",
                REGION,
                PREFECTURE,
                null,
                "HOTLINE_TICKET",
                "12345",
                "HAND_OFF_UNSPECIFIED",
                null,
                description,
                "",
                "",
                "",
                "",
                "PUBLIC_PORTAL",
                AT,
                24,
                240,
                AT.plusSeconds(24 * 3600),
                AT.plusSeconds(240 * 3600),
                new byte[0]);
    }

    private static int referral(EmergencyReferralRepository referrals, byte[] classification) {
        return referrals.insertIfNew(
                "conflict-referral", HASH, REGION, PREFECTURE, "c", "CALL_110", AT, classification);
    }
}
