package cn.gov.qinghai.gateway.dibao;

import cn.gov.qinghai.dibao.v1.BenefitEstimate;
import cn.gov.qinghai.dibao.v1.PaymentMethod;
import cn.gov.qinghai.gateway.portal.PortalPages;
import io.micronaut.http.HttpRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate's working as formulas in the page's language ({@code dibao.working.*}), written from the answer's own
 * figures: standard, counted and assessed income, income per person against the standard, the gap benefit, the
 * allowances and the total. The service's explanation steps (titles, parameters, clauses) stay beside it; their
 * formula lines are the service's English notation, so the Chinese page shows these lines instead (issue 20: no
 * English lines on the zh page).
 */
final class DibaoWorking {

    private DibaoWorking() {}

    static List<String> lines(BenefitEstimate e, HttpRequest<?> request, PortalPages pages) {
        List<String> out = new ArrayList<>();
        String size = String.valueOf(e.getHouseholdSize());
        out.add(pages.message(request, "dibao.working.standard", e.getAnnualStandard()));
        out.add(pages.message(request, "dibao.working.counted", e.getCountedAnnualIncome()));
        if (signum(e.getRigidExpenditureDeducted()) > 0) {
            out.add(pages.message(
                    request,
                    "dibao.working.assessed",
                    e.getCountedAnnualIncome(),
                    e.getRigidExpenditureDeducted(),
                    e.getAssessedAnnualIncome()));
        }
        out.add(pages.message(
                request,
                e.getEligible() ? "dibao.working.perCapita.below" : "dibao.working.perCapita.above",
                assessed(e),
                size,
                e.getPerCapitaAnnualIncome(),
                e.getAnnualStandard()));
        if (e.getEligible()) {
            if (e.getPaymentMethod() == PaymentMethod.TIERED) {
                out.add(pages.message(request, "dibao.working.tiered", e.getMonthlyGapBenefit()));
            } else {
                out.add(pages.message(
                        request,
                        "dibao.working.gap",
                        e.getAnnualStandard(),
                        size,
                        assessed(e),
                        e.getMonthlyGapBenefit()));
            }
            out.add(pages.message(request, "dibao.working.allowances", e.getMonthlyAllowances()));
        } else {
            out.add(pages.message(request, "dibao.working.notEligible"));
        }
        out.add(pages.message(
                request,
                "dibao.working.total",
                e.getMonthlyGapBenefit(),
                e.getMonthlyAllowances(),
                e.getMonthlyTotal()));
        return out;
    }

    private static String assessed(BenefitEstimate e) {
        return e.getAssessedAnnualIncome().isEmpty() ? e.getCountedAnnualIncome() : e.getAssessedAnnualIncome();
    }

    private static int signum(String amount) {
        if (amount == null) {
            return 0;
        }
        try {
            return new BigDecimal(amount).signum();
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
