package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.gov.qinghai.dibao.data.CaseRepository;
import cn.gov.qinghai.dibao.data.IntakeReportRepository;
import cn.gov.qinghai.dibao.data.TemporaryAssistanceRepository;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inserts that a concurrent request can beat to a unique key (ON CONFLICT DO NOTHING ... RETURNING id) answer
 * null instead of failing, and the transaction goes on, so the services can re-read the winner and replay it. The
 * race itself cannot be staged over gRPC, so the repositories are called directly, in one transaction rolled back at
 * the end (nothing stays for the other tests). Instants come back as written (timestamptz, JVM zone aside).
 */
class ConflictingInsertsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "632802";
    static final Instant AT = Instant.parse("2017-07-03T04:05:06.123456Z");
    static final String HASH = "0".repeat(64);

    @Test
    void anInsertThatLosesAUniqueKeyAnswersNullAndTheTransactionGoesOn() {
        ApplicationContext context = SERVICE.service().context();
        CaseRepository cases = context.getBean(CaseRepository.class);
        TemporaryAssistanceRepository grants = context.getBean(TemporaryAssistanceRepository.class);
        IntakeReportRepository reports = context.getBean(IntakeReportRepository.class);
        TransactionOperations<?> tx = context.getBean(TransactionOperations.class);
        String head = DibaoTestSupport.residentId(COUNTY, LocalDate.of(1970, 1, 1));
        tx.executeWrite(status -> {
            status.setRollbackOnly();
            Long first = cases.insert("conflict-case-1", HASH, COUNTY, "t", head, "n", 1, "{}", AT);
            assertNotNull(first);
            assertNull(cases.insert("conflict-case-1", HASH, COUNTY, "t", head, "n", 1, "{}", AT), "same request id");
            assertNull(
                    cases.insert("conflict-case-2", HASH, COUNTY, "t", head, "n", 1, "{}", AT),
                    "an open case of the same head");
            assertEquals(
                    first,
                    cases.findByRequestId("conflict-case-1").orElseThrow().id());
            assertEquals(
                    AT, cases.findByRequestId("conflict-case-1").orElseThrow().submittedAt());

            BigDecimal amount = new BigDecimal("100.00");
            assertNotNull(grant(grants, head, amount));
            assertNull(grant(grants, head, amount), "same request id");
            assertEquals(
                    AT, grants.findByRequestId("conflict-grant").orElseThrow().approvedAt());

            LocalDate month = LocalDate.of(2017, 7, 1);
            Long report = reports.insert(COUNTY, "t", month, "{}", "conflict-report-1", "r", AT);
            assertNotNull(report);
            assertNull(reports.insert(COUNTY, "t", month, "{}", "conflict-report-2", "r", AT), "same month");
            assertEquals(
                    report,
                    reports.findByCountyAndTownshipAndMonth(COUNTY, "t", month)
                            .orElseThrow()
                            .id());
            return null;
        });
    }

    private static Long grant(TemporaryAssistanceRepository grants, String head, BigDecimal amount) {
        return grants.insert(
                "conflict-grant", HASH, COUNTY, "t", "n", head, amount, "r", "COUNTY", amount, "", "a", AT);
    }
}
