package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.ClassTotal;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.ExitReason;
import cn.gov.qinghai.dibao.v1.GetCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.PaymentRoster;
import cn.gov.qinghai.dibao.v1.PublishCountyStandardRequest;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.MutableClock;
import cn.gov.qinghai.kit.testing.RunningService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Standards, rosters, exits and the public list as months pass (a service of its own with a clock the test moves;
 * county 632221 门源县). The story: March 2018 two households are approved under a county standard of 3900; May
 * 2018 both exit, the disabled one keeping the guarantee 6 months; in 2019 every 2018 roster is asked again.
 */
class PaymentRosterTest {

    static final String COUNTY = "632221";
    static RunningService service;
    static DibaoServiceBlockingStub clerk;
    static DibaoServiceBlockingStub reviewer;
    static DibaoServiceBlockingStub verifier;
    static DibaoServiceBlockingStub approver;

    @BeforeAll
    static void start() {
        MutableClock.set("2018-03-10T10:00:00");
        service = RunningService.start(
                "dibao_roster",
                Map.of(
                        MutableClock.PROPERTY,
                        "mutable",
                        "grpc.channels.health-data.address",
                        "localhost:" + RunningService.freePort()));
        DibaoServiceBlockingStub stub = DibaoServiceGrpc.newBlockingStub(service.channel());
        clerk = stub.withCallCredentials(RunningService.as("clerk-m", COUNTY, "dibao:clerk"));
        reviewer = stub.withCallCredentials(RunningService.as("reviewer-m", COUNTY, "dibao:township-reviewer"));
        verifier = stub.withCallCredentials(RunningService.as("verifier-m", COUNTY, "dibao:verifier"));
        approver = stub.withCallCredentials(RunningService.as("approver-m", "632200", "dibao:county-approver"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    static GrpcErrorDetails error(Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }

    static PublishCountyStandardRequest standard(String requestId, String from, String amount) {
        return PublishCountyStandardRequest.newBuilder()
                .setRequestId(requestId)
                .setCounty(COUNTY)
                .setEffectiveFrom(from)
                .setAnnualAmount(amount)
                .setCitation(Citation.newBuilder().setDocument("门政〔2018〕9号").setClause("一"))
                .build();
    }

    static Case approve(Household h) {
        Case c = clerk.submitApplication(Households.application(h));
        c = reviewer.decideCase(next(c, Stage.TOWNSHIP_REVIEW));
        c = verifier.decideCase(next(c, Stage.VERIFICATION));
        return approver.decideCase(next(c, Stage.COUNTY_APPROVAL));
    }

    static DecideCaseRequest next(Case c, Stage stage) {
        return DecideCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setStage(stage)
                .setOutcome(Outcome.PASS)
                .setExpectedVersion(c.getVersion())
                .build();
    }

    static PaymentRoster roster(String month) {
        return approver.getPaymentRoster(GetPaymentRosterRequest.newBuilder()
                .setCounty(COUNTY)
                .setMonth(month)
                .build());
    }

    @Test
    void juneTwentySeventeenIsListedUnderTheRulesOfTheDocumentsFirstDay() {
        // 86号 takes effect on 2017-06-16: June 2017 is its first month (the portal's own example, issue 20), not a
        // lookup failure for 2017-06-01; a month before it is named as the month field's error.
        var stub = DibaoServiceGrpc.newBlockingStub(service.channel());
        var june = stub.listPublicRecipients(ListPublicRecipientsRequest.newBuilder()
                .setCounty("630121")
                .setMonth("2017-06")
                .build());
        assertEquals("2017-06", june.getMonth());
        assertEquals(
                List.of("month"),
                error(() -> stub.listPublicRecipients(ListPublicRecipientsRequest.newBuilder()
                                .setCounty("630121")
                                .setMonth("2017-05")
                                .build()))
                        .fields());
    }

    @Test
    void rostersOfPastMonthsNeverChange() {
        // March 2018: the floor is 3762; a county standard below it is refused, one above it is published.
        GrpcErrorDetails below = error(() -> approver.publishCountyStandard(standard("s-low", "2018-03-01", "3700")));
        assertEquals(Status.Code.FAILED_PRECONDITION, below.code());
        assertEquals("BELOW_PROVINCIAL_FLOOR", below.reason());
        assertEquals(
                "EFFECTIVE_DATE_IN_PAST_MONTH",
                error(() -> approver.publishCountyStandard(standard("s-past", "2018-02-01", "3900")))
                        .reason());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                error(() -> DibaoServiceGrpc.newBlockingStub(service.channel())
                                .withCallCredentials(RunningService.as("xn", "630100", "dibao:county-approver"))
                                .publishCountyStandard(standard("s-xn", "2018-03-01", "3900")))
                        .reason());
        var published = approver.publishCountyStandard(standard("s-1", "2018-03-01", "3900"));
        assertEquals(published, approver.publishCountyStandard(standard("s-1", "2018-03-01", "3900")), "replay");
        assertEquals(
                "EFFECTIVE_DATE_NOT_AFTER_NEWEST",
                error(() -> approver.publishCountyStandard(standard("s-2", "2018-03-01", "3950")))
                        .reason());
        assertEquals(
                "3900.00",
                approver.getCountyStandard(GetCountyStandardRequest.newBuilder()
                                .setCounty(COUNTY)
                                .setDate("2018-03-15")
                                .build())
                        .getAnnualAmount());

        Household ha = Households.classA(COUNTY);
        Household hb = Households.disabledSingle(COUNTY);
        Case a = approve(ha);
        Case b = approve(hb);
        assertEquals("A", a.getClassification());
        assertEquals("B", b.getClassification());

        assertEquals(0, roster("2018-02").getHouseholds());
        PaymentRoster march = roster("2018-03");
        assertTrue(march.getProvisional());
        // A: (3900 × 3 − 2000) / 12 = 808.33, child 17 → 825.33; B: (3900 − 1200) / 12 = 225.00, grade 3 → 50 → 275.00
        assertEquals(
                List.of("825.33", "275.00"),
                march.getEntriesList().stream().map(e -> e.getMonthlyTotal()).toList());
        assertEquals("1100.33", march.getMonthlyTotal());
        assertEquals(4, march.getPersons());
        assertEquals(List.of("A:1:3:825.33", "B:1:1:275.00"), totals(march));
        assertTrue(march.getEntries(0).getHeadIdMasked().contains("********"));

        // May 2018: exits. Retention only for a disabled member out of poverty, 6–12 months.
        MutableClock.set("2018-05-15T09:00:00");
        Case a2 = approver.getCase(cn.gov.qinghai.dibao.v1.GetCaseRequest.newBuilder()
                .setId(a.getId())
                .build());
        assertEquals(
                "RETENTION_NOT_ALLOWED",
                error(() -> approver.exitCase(exit(a2, ExitReason.OUT_OF_POVERTY, 6)))
                        .reason());
        assertEquals(
                List.of("retentionMonths"),
                error(() -> approver.exitCase(exit(b, ExitReason.OUT_OF_POVERTY, 5)))
                        .fields());
        assertEquals(
                List.of("retentionMonths"),
                error(() -> approver.exitCase(exit(b, ExitReason.OUT_OF_POVERTY, 13)))
                        .fields());
        Case aExit = approver.exitCase(exit(a2, ExitReason.DEATH, 0));
        assertEquals("2018-05", aExit.getLastPaidMonth());
        Case bExit = approver.exitCase(exit(b, ExitReason.OUT_OF_POVERTY, 6));
        assertEquals(CaseStatus.EXITED, bExit.getStatus());
        assertEquals("2018-11", bExit.getLastPaidMonth());
        assertEquals(
                "ILLEGAL_TRANSITION",
                error(() -> approver.exitCase(exit(bExit, ExitReason.OTHER, 0))).reason());
        // Re-entry: people falling back exit first, then apply again (二(五)).
        Case again = clerk.submitApplication(Households.application(ha));
        assertEquals(CaseStatus.SUBMITTED, again.getStatus());
        approver.publishCountyStandard(standard("s-2019", "2019-01-01", "4100"));

        // 2019: every 2018 month is final and unchanged.
        MutableClock.set("2019-03-01T08:00:00");
        PaymentRoster marchAgain = roster("2018-03");
        assertFalse(marchAgain.getProvisional());
        assertEquals(march.toBuilder().setProvisional(false).build(), marchAgain);
        assertEquals(2, roster("2018-05").getHouseholds());
        PaymentRoster june = roster("2018-06");
        assertEquals(1, june.getHouseholds());
        assertTrue(
                june.getEntries(0).getReason().contains("retained through 2018-11"),
                june.getEntries(0).getReason());
        assertEquals(1, roster("2018-11").getHouseholds());
        assertEquals(0, roster("2018-12").getHouseholds());

        var publicList = DibaoServiceGrpc.newBlockingStub(service.channel())
                .listPublicRecipients(ListPublicRecipientsRequest.newBuilder()
                        .setCounty(COUNTY)
                        .setMonth("2018-06")
                        .build());
        assertEquals(1, publicList.getRecipientsCount());
        assertEquals("王*", publicList.getRecipients(0).getHeadNameMasked());
        assertEquals("275.00", publicList.getRecipients(0).getMonthlyAmount());
        assertFalse(
                publicList.toString().contains(hb.getMembers(0).getIdNumber()), "no full identity number in public");
        assertFalse(publicList.toString().contains("王六"));
    }

    static ExitCaseRequest exit(Case c, ExitReason reason, int months) {
        return ExitCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setReason(reason)
                .setRetentionMonths(months)
                .setExpectedVersion(c.getVersion())
                .build();
    }

    static List<String> totals(PaymentRoster r) {
        return r.getTotalsByClassList().stream()
                .map((ClassTotal t) -> t.getClassification() + ":" + t.getHouseholds() + ":" + t.getPersons() + ":"
                        + t.getMonthlyTotal())
                .toList();
    }
}
