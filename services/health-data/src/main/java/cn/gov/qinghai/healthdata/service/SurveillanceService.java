package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.Alert;
import cn.gov.qinghai.health.v1.CaseReport;
import cn.gov.qinghai.health.v1.GetEarlyWarningsRequest;
import cn.gov.qinghai.health.v1.GetEarlyWarningsResponse;
import cn.gov.qinghai.health.v1.ReportInfectiousCaseRequest;
import cn.gov.qinghai.healthdata.data.CaseReportRepository;
import cn.gov.qinghai.healthdata.data.CaseReportRow;
import cn.gov.qinghai.healthdata.data.CaseReportStore;
import cn.gov.qinghai.healthdata.rules.CodeFormats;
import cn.gov.qinghai.healthdata.rules.EarsC2;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Infectious-disease direct reporting (传染病网络直报) and weekly early warning (80号 二(二)6 网络直报、鼠疫风险预警、
 * 传染病疫情…预警). Case reports are idempotent by request id; warnings are computed from the reports with one
 * set-based query per evaluated week.
 */
@Singleton
public class SurveillanceService {

    static final Set<String> CLASSIFICATIONS = Set.of("SUSPECTED", "CLINICAL", "CONFIRMED");

    private final CaseReportRepository reports;
    private final CaseReportStore counts;
    private final AuditTrail audit;
    private final ParameterRegistry parameters;
    private final Clock clock;

    public SurveillanceService(
            CaseReportRepository reports,
            CaseReportStore counts,
            AuditTrail audit,
            ParameterRegistry parameters,
            Clock clock) {
        this.reports = reports;
        this.counts = counts;
        this.audit = audit;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Transactional
    public CaseReport report(ReportInfectiousCaseRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:clinician", "health:public-health");
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String identity = RecordService.identity(errors, "identityNumber", request.getIdentityNumber(), today);
        String disease = errors.text("diseaseCode", request.getDiseaseCode(), 16);
        if (disease != null) {
            String problem = CodeFormats.icd10Problem(disease);
            errors.check(problem == null, "diseaseCode", problem);
        }
        String classification = errors.text("classification", request.getClassification(), 16);
        if (classification != null) {
            errors.check(
                    CLASSIFICATIONS.contains(classification),
                    "classification",
                    "must be one of " + CLASSIFICATIONS.stream().sorted().toList());
        }
        LocalDate onset = errors.date("onsetDate", request.getOnsetDate());
        LocalDate diagnosed = errors.date("diagnosisDate", request.getDiagnosisDate());
        if (onset != null && diagnosed != null) {
            errors.check(!diagnosed.isBefore(onset), "diagnosisDate", "must not be before onsetDate");
            errors.check(!diagnosed.isAfter(today), "diagnosisDate", "must not be in the future");
        }
        String county = errors.qinghaiRegion("county", request.getCounty());
        errors.throwIfAny();
        caller.requireRegion(county);
        Optional<CaseReport> replay = reports.findByRequestId(requestId).map(SurveillanceService::report);
        if (replay.isPresent()) {
            if (!replay.get().getDiseaseCode().equals(disease)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for another case report");
            }
            return replay.get();
        }
        UUID id = UUID.randomUUID();
        reports.save(new CaseReportRow(
                id,
                requestId,
                identity,
                disease,
                CodeFormats.category(disease),
                classification,
                onset,
                diagnosed,
                county,
                caller.subject(),
                caller.organisation(),
                clock.instant()));
        audit.append(Event.granted("public-health", "CREATE", "case-report", id.toString(), null)
                .withDetail("disease=" + disease + " county=" + county));
        return reports.findById(id).map(SurveillanceService::report).orElseThrow();
    }

    @Transactional
    public GetEarlyWarningsResponse warnings(GetEarlyWarningsRequest request) {
        Caller caller = Caller.current().requireAnyRole("health:public-health");
        FieldErrors errors = new FieldErrors();
        LocalDate day = errors.date("weekOf", request.getWeekOf());
        errors.throwIfAny();
        LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ParameterValue p = parameters.get(EarsC2.PARAMETER).at(week);
        int baselineWeeks = EarsC2.baselineWeeks(p);
        int lag = EarsC2.lagWeeks(p);
        LocalDate firstBaseline = week.minusWeeks(baselineWeeks + lag);
        // weekly counts per county and category, for the baseline weeks through the evaluated week
        Map<String, long[]> series = new TreeMap<>();
        int span = baselineWeeks + lag + 1;
        for (CaseReportStore.WeekCount c : counts.weeklyCounts(
                firstBaseline, week.plusDays(6), caller.scope().likePattern())) {
            long[] s = series.computeIfAbsent(c.county() + "|" + c.category(), k -> new long[span]);
            s[(int) ChronoUnit.WEEKS.between(firstBaseline, c.week())] = c.count();
        }
        GetEarlyWarningsResponse.Builder out =
                GetEarlyWarningsResponse.newBuilder().setWeekStart(week.toString());
        for (Map.Entry<String, long[]> e : series.entrySet()) {
            long[] s = e.getValue();
            long count = s[span - 1];
            if (count == 0) {
                continue;
            }
            String[] key = e.getKey().split("\\|");
            long[] baseline = java.util.Arrays.copyOfRange(s, 0, baselineWeeks);
            ExplanationBuilder why = new ExplanationBuilder();
            EarsC2.Result r = EarsC2.evaluate(key[1], count, baseline, p, why);
            if (!r.alert()) {
                continue;
            }
            Alert.Builder alert = Alert.newBuilder()
                    .setCounty(key[0])
                    .setDisease(key[1])
                    .setMethod(r.method().name())
                    .setCount(count)
                    .setExplanation(why.build());
            Object name = ((Map<?, ?>) p.asMap().get("zeroTolerance")).get(key[1]);
            alert.setDiseaseName(name == null ? "" : name.toString());
            if (r.mean() != null) {
                alert.setBaselineMean(r.mean().toPlainString())
                        .setBaselineSd(r.sd().toPlainString())
                        .setStatistic(r.c2().toPlainString());
            }
            out.addAlerts(alert);
        }
        audit.append(Event.granted("public-health", "QUERY", "early-warning", week.toString(), null)
                .withDetail("alerts=" + out.getAlertsCount()));
        return out.build();
    }

    static CaseReport report(CaseReportRow r) {
        return CaseReport.newBuilder()
                .setId(r.id().toString())
                .setIdentityNumber(ResidentId.mask(r.identityNumber()))
                .setDiseaseCode(r.diseaseCode())
                .setClassification(r.classification())
                .setOnsetDate(r.onsetDate().toString())
                .setDiagnosisDate(r.diagnosisDate().toString())
                .setCounty(r.county())
                .setReportedBy(r.reportedBy())
                .setOrganisation(r.organisation())
                .setReportedAt(r.reportedAt().toString())
                .build();
    }
}
