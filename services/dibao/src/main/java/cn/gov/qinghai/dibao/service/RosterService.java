package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.CaseRepository;
import cn.gov.qinghai.dibao.data.CaseRow;
import cn.gov.qinghai.dibao.rules.Assessment;
import cn.gov.qinghai.dibao.rules.BenefitAssessor;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.rules.StandardApplied;
import cn.gov.qinghai.dibao.v1.ClassTotal;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsRequest;
import cn.gov.qinghai.dibao.v1.ListPublicRecipientsResponse;
import cn.gov.qinghai.dibao.v1.PaymentRoster;
import cn.gov.qinghai.dibao.v1.PublicRecipient;
import cn.gov.qinghai.dibao.v1.RosterEntry;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly payment roster of a county (青政办〔2017〕86号 二(三) 据实补差, 二(五)) and the public recipient list
 * (二(二) 长期公示). Each paid household is reassessed for the month: the standard in force on the first day of the
 * month, ages on that day, the household as approved. Standards cannot be published for past months and decisions
 * are stamped with the real time, so a past month's roster is the same every time it is asked for.
 */
@Singleton
public class RosterService {

    private final CaseRepository cases;
    private final CountyStandardService standards;
    private final BenefitAssessor assessor;
    private final ProvincialFloor floor;
    private final CountyPaymentMethodService paymentMethods;
    private final Clock clock;

    public RosterService(
            CaseRepository cases,
            CountyStandardService standards,
            BenefitAssessor assessor,
            ProvincialFloor floor,
            CountyPaymentMethodService paymentMethods,
            Clock clock) {
        this.paymentMethods = paymentMethods;
        this.cases = cases;
        this.standards = standards;
        this.assessor = assessor;
        this.floor = floor;
        this.clock = clock;
    }

    /** One paid household in a month. */
    record Paid(CaseRow row, Assessment assessment, String reason) {}

    @Transactional(readOnly = true)
    public PaymentRoster roster(GetPaymentRosterRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.ANY);
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        YearMonth month = month(errors, request.getMonth(), false);
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        caller.requireRegion(county);

        List<Paid> paid = paid(county, month);
        Map<String, BigDecimal> totalByClass = new TreeMap<>();
        Map<String, int[]> countByClass = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int persons = 0;
        List<RosterEntry> entries = new ArrayList<>();
        for (Paid p : paid) {
            String cls = p.row().classification().trim();
            totalByClass.merge(cls, p.assessment().monthlyTotal(), BigDecimal::add);
            int[] c = countByClass.computeIfAbsent(cls, k -> new int[2]);
            c[0]++;
            c[1] += p.row().householdSize();
            total = total.add(p.assessment().monthlyTotal());
            persons += p.row().householdSize();
            entries.add(RosterEntry.newBuilder()
                    .setCaseId(String.valueOf(p.row().id()))
                    .setHeadName(p.row().headName())
                    .setHeadIdMasked(ResidentId.mask(p.row().headIdNumber()))
                    .setTownship(p.row().township())
                    .setHouseholdSize(p.row().householdSize())
                    .setClassification(cls)
                    .setAnnualStandard(Money.format(p.assessment().standard().annual()))
                    .setMonthlyGapBenefit(Money.format(p.assessment().monthlyGap()))
                    .setMonthlyAllowances(Money.format(p.assessment().monthlyAllowances()))
                    .setMonthlyTotal(Money.format(p.assessment().monthlyTotal()))
                    .setReason(p.reason())
                    .setPaymentMethod(cn.gov.qinghai.dibao.v1.PaymentMethod.valueOf(
                            p.assessment().paymentMethod()))
                    .setTier(p.assessment().tier())
                    .build());
        }
        PaymentRoster.Builder out = PaymentRoster.newBuilder()
                .setCounty(county)
                .setMonth(month.toString())
                .setProvisional(!month.isBefore(YearMonth.now(clock)))
                .addAllEntries(window.slice(entries))
                .setHouseholds(paid.size())
                .setPersons(persons)
                .setMonthlyTotal(Money.format(total))
                .setTotalSize(entries.size())
                .setNextPageToken(window.nextToken(entries.size()));
        totalByClass.forEach((cls, sum) -> out.addTotalsByClass(ClassTotal.newBuilder()
                .setClassification(cls)
                .setHouseholds(countByClass.get(cls)[0])
                .setPersons(countByClass.get(cls)[1])
                .setMonthlyTotal(Money.format(sum))));
        return out.build();
    }

    @Transactional(readOnly = true)
    public ListPublicRecipientsResponse publicList(ListPublicRecipientsRequest request) {
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        YearMonth month = month(errors, request.getMonth(), true);
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        List<PublicRecipient> all = new ArrayList<>();
        for (Paid p : paid(county, month)) {
            all.add(PublicRecipient.newBuilder()
                    .setHeadNameMasked(ResidentId.maskName(p.row().headName()))
                    .setHeadIdMasked(ResidentId.mask(p.row().headIdNumber()))
                    .setTownship(p.row().township())
                    .setHouseholdSize(p.row().householdSize())
                    .setClassification(p.row().classification().trim())
                    .setMonthlyAmount(Money.format(p.assessment().monthlyTotal()))
                    .build());
        }
        return ListPublicRecipientsResponse.newBuilder()
                .setCounty(county)
                .setMonth(month.toString())
                .addAllRecipients(window.slice(all))
                .setTotalSize(all.size())
                .setNextPageToken(window.nextToken(all.size()))
                .build();
    }

    private List<Paid> paid(String county, YearMonth month) {
        LocalDate first = month.atDay(1);
        // The rules that apply to a month are those in force on its first day under 86号, which takes effect on
        // 2017-06-16: June 2017 is paid under the rules of that day (the first month of the document, issue 20:
        // "no value in force on 2017-06-01"), every later month under those of its first day.
        LocalDate ruleDay = first.isBefore(floor.firstDate()) ? floor.firstDate() : first;
        StandardApplied standard = standards.applied(county, ruleDay);
        var method = paymentMethods.applied(county, ruleDay);
        List<Paid> out = new ArrayList<>();
        for (CaseRow row : cases.paidIn(county, first)) {
            Assessment a =
                    assessor.assess(CaseViews.facts(row, ruleDay), ruleDay, standard, method, new ExplanationBuilder());
            // The reason describes the month asked for, not today's status, so a past month reads the same forever.
            LocalDate exitMonth = row.exitDate() == null ? null : row.exitDate().withDayOfMonth(1);
            String reason;
            if (exitMonth != null && first.isAfter(exitMonth)) {
                reason = "retention month " + (int) java.time.temporal.ChronoUnit.MONTHS.between(exitMonth, first)
                        + " of " + row.retentionMonths() + " after exit on " + row.exitDate() + " (" + row.exitReason()
                        + "); retained through "
                        + row.lastPaidMonth().toString().substring(0, 7) + " (二(五))";
            } else {
                reason = "approved " + row.approvedAt().atZone(clock.getZone()).toLocalDate() + "; "
                        + (method.tiered() ? "tier" : "gap") + " to standard "
                        + Money.format(standard.annual()) + " + allowances (二(三))";
            }
            if (method.tiered() && a.eligible()) {
                reason += "; 按档补助 " + a.tier() + " (" + method.note() + ", 二(三))";
            }
            if (a.expenditureType()) {
                reason += "; expenditure-type poverty: rigid expenditure " + Money.format(a.rigidDeducted())
                        + " deducted from counted income (二(二))";
            }
            if (!a.eligible()) {
                reason += "; not below the standard this month, allowances withheld";
            }
            out.add(new Paid(row, a, reason));
        }
        return out;
    }

    private YearMonth month(FieldErrors errors, String value, boolean defaultToCurrent) {
        if (defaultToCurrent && value.isBlank()) {
            return YearMonth.now(clock);
        }
        YearMonth m = errors.yearMonth("month", value);
        if (m != null && m.isBefore(YearMonth.from(floor.firstDate()))) {
            errors.add(
                    "month", "must be " + YearMonth.from(floor.firstDate()) + " or later (青政办〔2017〕86号 takes effect)");
            return null;
        }
        return m;
    }
}
