package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.hotline.data.ReportStore;
import cn.gov.qinghai.hotline.data.TicketEventRepository;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.hotline.data.TicketStore;
import cn.gov.qinghai.hotline.rules.Agency;
import cn.gov.qinghai.hotline.rules.Routing;
import cn.gov.qinghai.hotline.v1.AgencyFigures;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsRequest;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsResponse;
import cn.gov.qinghai.hotline.v1.SupervisionReport;
import cn.gov.qinghai.hotline.v1.VolumeFigures;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supervision of the hotline (96号 三(三) "采取日常抽查、季度通报、年度考核的形式进行检查考核"): a reproducible random
 * sample of closed tickets, and the quarterly / annual figures per region and agency.
 */
@Singleton
public class SupervisionService {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");
    private static final Citation CLAUSE = new Citation("青政办〔2017〕96号", "三(三)", "关于进一步做好非警务报警与公共服务平台分流对接工作的通知", "");

    private final TicketStore tickets;
    private final TicketEventRepository events;
    private final ReportStore reports;
    private final TicketView view;
    private final Routing routing;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SupervisionService(
            TicketStore tickets,
            TicketEventRepository events,
            ReportStore reports,
            TicketView view,
            Routing routing,
            Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.reports = reports;
        this.view = view;
        this.routing = routing;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SampleClosedTicketsResponse sample(SampleClosedTicketsRequest r) {
        Caller caller = Access.scope(Access.SUPERVISOR).caller();
        FieldErrors errors = new FieldErrors();
        String prefecture = prefecture(errors, caller, r.getRegion());
        LocalDate from = errors.date("from", r.getFrom());
        LocalDate to = errors.date("to", r.getTo());
        if (from != null && to != null) {
            errors.check(!to.isBefore(from), "to", "must not be before from");
        }
        errors.check(r.getSize() >= 1 && r.getSize() <= 200, "size", "must be between 1 and 200");
        String seed = errors.optionalText("seed", r.getSeed(), 64);
        errors.throwIfAny();
        String used = seed != null ? seed : HexFormat.of().formatHex(random.generateSeed(6));
        TicketStore.Page p = tickets.sampleClosed(prefecture, start(from), start(to.plusDays(1)), used, r.getSize());
        Instant now = clock.instant();
        SampleClosedTicketsResponse.Builder out =
                SampleClosedTicketsResponse.newBuilder().setSeed(used).setPopulation((int) p.total());
        for (TicketRow t : p.rows()) {
            out.addTickets(view.of(t, events.findByTicketIdOrderBySeq(t.id()), TicketView.Level.FULL, now));
        }
        return out.build();
    }

    @Transactional(readOnly = true)
    public SupervisionReport report(GetSupervisionReportRequest r) {
        Caller caller = Access.scope(Access.SUPERVISOR).caller();
        FieldErrors errors = new FieldErrors();
        String prefecture = prefecture(errors, caller, r.getRegion());
        Matcher m = PERIOD.matcher(r.getPeriod());
        if (!errors.check(
                m.matches(), "period", "must be a quarter such as 2017-Q3 (季度通报) or a year such as " + "2017 (年度考核)")) {
            errors.throwIfAny();
        }
        int year = Integer.parseInt(m.group(1));
        errors.check(year >= 2017 && year <= 2200, "period", "must be 2017 or later (96号 dates from 2017-06-05)");
        errors.throwIfAny();
        LocalDate from = m.group(2) == null
                ? LocalDate.of(year, 1, 1)
                : LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        LocalDate to = (m.group(2) == null ? from.plusYears(1) : from.plusMonths(3)).minusDays(1);
        Instant now = clock.instant();
        SupervisionReport.Builder out = SupervisionReport.newBuilder()
                .setPeriod(r.getPeriod())
                .setFrom(from.toString())
                .setTo(to.toString())
                .setRegion(prefecture == null ? Regions.PROVINCE : prefecture);
        for (ReportStore.AgencyCounts c : reports.agencies(prefecture, start(from), start(to.plusDays(1)), now)) {
            AgencyFigures f = figures(c, to);
            if (c.total()) {
                out.setTotal(f);
            } else {
                out.addAgencies(f);
            }
        }
        if (!out.hasTotal()) {
            out.setTotal(AgencyFigures.getDefaultInstance());
        }
        for (ReportStore.Volume v : reports.volumes(prefecture, start(from), start(to.plusDays(1)))) {
            out.addVolumes(VolumeFigures.newBuilder()
                    .setRegion(v.prefecture())
                    .setChannel(Channel.valueOf(v.channel()))
                    .setCategoryCode(v.categoryCode())
                    .setCount(v.count()));
        }
        return out.setExplanation(explanation(from, to)).build();
    }

    @Transactional(readOnly = true)
    public CsvDocument csv(GetSupervisionReportRequest r) {
        SupervisionReport rep = report(r);
        StringBuilder s = new StringBuilder("region,agency_id,agency_name,received,resolved,resolved_on_time,"
                + "on_time_rate,feedback,satisfied,satisfaction_rate,reopened,reopen_rate,closed,overdue_open\n");
        for (AgencyFigures f : rep.getAgenciesList()) {
            line(s, f);
        }
        line(s, rep.getTotal().toBuilder().setRegion("TOTAL").build());
        s.append("\nregion,channel,category_code,count\n");
        for (VolumeFigures v : rep.getVolumesList()) {
            s.append(v.getRegion())
                    .append(',')
                    .append(v.getChannel())
                    .append(',')
                    .append(v.getCategoryCode())
                    .append(',')
                    .append(v.getCount())
                    .append('\n');
        }
        return CsvDocument.newBuilder()
                .setFileName("hotline-report-" + rep.getPeriod() + "-" + rep.getRegion() + ".csv")
                .setContentType("text/csv; charset=utf-8")
                .setContent(s.toString())
                .build();
    }

    private static void line(StringBuilder s, AgencyFigures f) {
        s.append(String.join(
                        ",",
                        f.getRegion(),
                        f.getAgencyId(),
                        csv(f.getAgencyName()),
                        Long.toString(f.getReceived()),
                        Long.toString(f.getResolved()),
                        Long.toString(f.getResolvedOnTime()),
                        f.getOnTimeRate(),
                        Long.toString(f.getFeedback()),
                        Long.toString(f.getSatisfied()),
                        f.getSatisfactionRate(),
                        Long.toString(f.getReopened()),
                        f.getReopenRate(),
                        Long.toString(f.getClosed()),
                        Long.toString(f.getOverdueOpen())))
                .append('\n');
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private AgencyFigures figures(ReportStore.AgencyCounts c, LocalDate to) {
        AgencyFigures.Builder f = AgencyFigures.newBuilder()
                .setReceived(c.received())
                .setResolved(c.resolved())
                .setResolvedOnTime(c.onTime())
                .setOnTimeRate(rate(c.onTime(), c.resolved()))
                .setFeedback(c.feedback())
                .setSatisfied(c.satisfied())
                .setSatisfactionRate(rate(c.satisfied(), c.feedback()))
                .setReopened(c.reopened())
                .setReopenRate(rate(c.reopened(), c.resolved()))
                .setClosed(c.closed())
                .setOverdueOpen(c.overdueOpen());
        if (!c.total()) {
            f.setRegion(c.prefecture()).setAgencyId(c.agencyId());
            if (!c.agencyId().isEmpty()) {
                f.setAgencyName(
                        routing.agency(c.agencyId(), to).map(Agency::name).orElse(c.agencyId()));
            }
        }
        return f.build();
    }

    static String rate(long part, long whole) {
        return whole == 0
                ? ""
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    private static cn.gov.qinghai.common.v1.Explanation explanation(LocalDate from, LocalDate to) {
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("统计范围 / Tickets counted")
                .formula("received_at in [from, to] (China Standard Time)")
                .input("from", from)
                .input("to", to)
                .result("tickets received in the period; emergency referrals "
                        + "(call 110 now) counted in volumes only")
                .cite(CLAUSE)
                .add();
        why.step("按时办结率 / On-time rate")
                .formula("onTimeRate = resolvedOnTime / resolved (resolved by the resolve "
                        + "deadline of the local time-limit rule)")
                .result("4 decimal places, HALF_UP; empty when resolved = 0")
                .cite(CLAUSE)
                .add();
        why.step("满意率 / Satisfaction")
                .formula("satisfactionRate = satisfied / feedback (latest call-back answer)")
                .result("4 decimal places, HALF_UP")
                .cite(CLAUSE)
                .add();
        why.step("重办率 / Reopen rate")
                .formula("reopenRate = tickets reopened at least once / resolved")
                .result("4 decimal places, HALF_UP")
                .cite(CLAUSE)
                .add();
        return why.caveat("时限为地方规则（96号未规定具体时限）。 / Time limits are a local rule: 96号 sets no number.")
                .build();
    }

    /** The prefecture a supervision request covers ({@code null} = the province), inside the caller's scope. */
    private static String prefecture(FieldErrors errors, Caller caller, String requested) {
        String region = requested == null || requested.isEmpty()
                ? caller.region()
                : errors.provinceOrPrefecture("region", requested);
        if (region == null) {
            return null;
        }
        if (!Regions.isProvinceOrPrefecture(region)) {
            throw ServiceException.permissionDenied(
                    "REGION_OUT_OF_SCOPE",
                    "supervision works on the province or a prefecture; your scope is " + region);
        }
        caller.requireRegion(region);
        return Regions.PROVINCE.equals(region) ? null : region;
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(PlatformGrpcFactory.CHINA).toInstant();
    }
}
