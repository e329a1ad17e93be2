package cn.gov.qinghai.dibao;

import static cn.gov.qinghai.dibao.DibaoTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.Citation;
import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CountyPaymentMethod;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.GetCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.PaymentMethod;
import cn.gov.qinghai.dibao.v1.PaymentRoster;
import cn.gov.qinghai.dibao.v1.PaymentTier;
import cn.gov.qinghai.dibao.v1.PublishCountyPaymentMethodRequest;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 按档补助 (86号 二(三): "实行据实补差，条件不具备的地区，可继续实行按档补助") as a published county setting (county 632223
 * 海晏县), applied by the estimator for that county, by approval and by the roster, with the tier in the reason.
 * Tiers of this test: per-capita annual gap ≤ 1000 → 60, ≤ 2500 → 150, above → 300 yuan per person a month.
 */
class TieredPaymentTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "632223";
    final DibaoServiceBlockingStub approver = as("approver-hy", COUNTY, "dibao:county-approver");

    static PaymentTier tier(String upTo, String amount) {
        return PaymentTier.newBuilder()
                .setAnnualGapUpTo(upTo)
                .setMonthlyPerPerson(amount)
                .build();
    }

    static PublishCountyPaymentMethodRequest tiered(String requestId, String from, List<PaymentTier> tiers) {
        return PublishCountyPaymentMethodRequest.newBuilder()
                .setRequestId(requestId)
                .setCounty(COUNTY)
                .setEffectiveFrom(from)
                .setMethod(PaymentMethod.TIERED)
                .addAllTiers(tiers)
                .setCitation(Citation.newBuilder().setDocument("海晏民〔2026〕1号").setClause("二"))
                .build();
    }

    static BenefitEstimate estimate(String income) {
        return DibaoTestSupport.stub()
                .estimateBenefit(EstimateBenefitRequest.newBuilder()
                        .setYear(LocalDate.now(PlatformGrpcFactory.CHINA).getYear())
                        .setCounty(COUNTY)
                        .addMembers(EstimateMember.newBuilder()
                                .setAge(40)
                                .addIncomes(Income.newBuilder().setType("WAGE").setAnnualAmount(income)))
                        .build());
    }

    static GrpcErrorDetails error(org.junit.jupiter.api.function.Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }

    @Test
    void countyPublishesTiersAndEveryAnswerPaysByThem() {
        LocalDate from = LocalDate.now(PlatformGrpcFactory.CHINA).withDayOfMonth(1);
        GetCountyPaymentMethodRequest.Builder get =
                GetCountyPaymentMethodRequest.newBuilder().setCounty(COUNTY);
        assertEquals(
                "DEFAULT",
                DibaoTestSupport.stub()
                        .getCountyPaymentMethod(get.setDate(from.toString()).build())
                        .getSource(),
                "nothing published: 据实补差");
        assertEquals(
                List.of("date"),
                error(() -> DibaoTestSupport.stub()
                                .getCountyPaymentMethod(
                                        get.setDate("2017-06-15").build()))
                        .fields(),
                "the day before 86号");

        // every bad field at once: bounds not ascending, last tier not open-ended, amount missing
        assertEquals(
                List.of("tiers[1].annualGapUpTo", "tiers[1].monthlyPerPerson", "tiers[2].annualGapUpTo"),
                error(() -> approver.publishCountyPaymentMethod(tiered(
                                "pm-bad",
                                from.toString(),
                                List.of(tier("1000", "60"), tier("900", ""), tier("3000", "300")))))
                        .fields());
        assertEquals(
                List.of("tiers"),
                error(() -> approver.publishCountyPaymentMethod(
                                tiered("pm-gap", from.toString(), List.of(tier("", "1"))).toBuilder()
                                        .setMethod(PaymentMethod.GAP)
                                        .build()))
                        .fields());
        assertEquals(
                "ROLE_REQUIRED",
                error(() -> as("clerk-hy", COUNTY, "dibao:clerk")
                                .publishCountyPaymentMethod(
                                        tiered("pm-clerk", from.toString(), List.of(tier("", "100")))))
                        .reason());
        assertEquals(
                "EFFECTIVE_DATE_IN_PAST_MONTH",
                error(() -> approver.publishCountyPaymentMethod(
                                tiered("pm-past", from.minusMonths(1).toString(), List.of(tier("", "100")))))
                        .reason());

        PublishCountyPaymentMethodRequest good =
                tiered("pm-1", from.toString(), List.of(tier("1000", "60"), tier("2500", "150"), tier("", "300")));
        CountyPaymentMethod published = approver.publishCountyPaymentMethod(good);
        assertEquals(PaymentMethod.TIERED, published.getMethod());
        assertEquals("1000.00", published.getTiers(0).getAnnualGapUpTo());
        assertEquals(published, approver.publishCountyPaymentMethod(good), "a retry returns the first publication");
        assertEquals(
                "REQUEST_ID_REUSED",
                error(() -> approver.publishCountyPaymentMethod(
                                good.toBuilder().setTiers(2, tier("", "301")).build()))
                        .reason());
        assertEquals(
                "COUNTY_PUBLISHED",
                DibaoTestSupport.stub()
                        .getCountyPaymentMethod(get.setDate(from.toString()).build())
                        .getSource(),
                "in force on its first day");
        assertEquals(
                "DEFAULT",
                DibaoTestSupport.stub()
                        .getCountyPaymentMethod(
                                get.setDate(from.minusDays(1).toString()).build())
                        .getSource(),
                "not the day before");

        // standard 4000 (no county standard): gap per person = 4000 − income; the bound is inclusive.
        assertEquals(
                List.of("60.00", "150.00", "150.00", "300.00"),
                List.of("3000", "2999.99", "1500", "1499.99").stream()
                        .map(i -> estimate(i).getMonthlyGapBenefit())
                        .toList());
        BenefitEstimate e = estimate("3000");
        assertEquals(PaymentMethod.TIERED, e.getPaymentMethod());
        assertTrue(e.getTier().startsWith("tier 1"), e.getTier());
        assertTrue(
                e.getExplanation().getStepsList().stream()
                        .anyMatch(s -> s.getTitle().contains("按档补助")
                                && s.getCitation().getDocument().equals("海晏民〔2026〕1号")),
                "the tier step cites the county");
        assertEquals("0.00", estimate("4000").getMonthlyGapBenefit(), "not eligible: no tier");

        // approval and roster: grade-3 single, income 1200 → gap 2800 → tier 3: 300 + living allowance 50
        Case c = DibaoTestSupport.as("clerk-hy", COUNTY, "dibao:clerk")
                .submitApplication(Households.application(Households.disabledSingle(COUNTY)));
        c = as("rev-hy", COUNTY, "dibao:township-reviewer").decideCase(pass(c, Stage.TOWNSHIP_REVIEW));
        c = as("ver-hy", COUNTY, "dibao:verifier").decideCase(pass(c, Stage.VERIFICATION));
        c = approver.decideCase(pass(c, Stage.COUNTY_APPROVAL));
        assertEquals("300.00", c.getMonthlyGapBenefit());
        assertEquals("350.00", c.getMonthlyTotal());
        PaymentRoster r = approver.getPaymentRoster(GetPaymentRosterRequest.newBuilder()
                .setCounty(COUNTY)
                .setMonth(YearMonth.from(from).toString())
                .build());
        assertEquals(PaymentMethod.TIERED, r.getEntries(0).getPaymentMethod());
        assertEquals("300.00", r.getEntries(0).getMonthlyGapBenefit());
        assertTrue(
                r.getEntries(0).getReason().contains("按档补助 tier 3"),
                r.getEntries(0).getReason());
        PaymentRoster before = approver.getPaymentRoster(GetPaymentRosterRequest.newBuilder()
                .setCounty(COUNTY)
                .setMonth(YearMonth.from(from).minusMonths(1).toString())
                .build());
        assertEquals(0, before.getHouseholds());
    }

    static DecideCaseRequest pass(Case c, Stage stage) {
        return DecideCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setStage(stage)
                .setOutcome(Outcome.PASS)
                .setExpectedVersion(c.getVersion())
                .build();
    }
}
