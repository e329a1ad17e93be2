package cn.gov.qinghai.healthdata.service;

import cn.gov.qinghai.health.v1.Alert;
import cn.gov.qinghai.health.v1.CaseReport;
import cn.gov.qinghai.health.v1.GetEarlyWarningsRequest;
import cn.gov.qinghai.health.v1.GetEarlyWarningsResponse;
import cn.gov.qinghai.health.v1.ReportInfectiousCaseRequest;
import cn.gov.qinghai.healthdata.rules.CodeFormats;
import cn.gov.qinghai.healthdata.rules.EarsC2;
import cn.gov.qinghai.healthdata.service.AuditTrail.Event;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
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

    private final Sql sql;
    private final AuditTrail audit;
    private final ParameterRegistry parameters;
    private final Clock clock;

    public SurveillanceService(Sql sql, AuditTrail audit, ParameterRegistry parameters, Clock clock) {
        this.sql = sql;
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
        Optional<CaseReport> replay =
                sql.one("SELECT * FROM case_report WHERE request_id = ?", SurveillanceService::report, requestId);
        if (replay.isPresent()) {
            if (!replay.get().getDiseaseCode().equals(disease)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for another case report");
            }
            return replay.get();
        }
        UUID id = UUID.randomUUID();
        sql.update(
                "INSERT INTO case_report (id, request_id, identity_number, disease_code, disease_category,"
                        + " classification, onset_date, diagnosis_date, county, reported_by, organisation, reported_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
                clock.instant());
        audit.append(Event.granted("public-health", "CREATE", "case-report", id.toString(), null)
                .withDetail("disease=" + disease + " county=" + county));
        return sql.one("SELECT * FROM case_report WHERE id = ?", SurveillanceService::report, id)
                .orElseThrow();
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
        Scope.Sql scope = caller.scope().where("county");
        List<Object> params = new ArrayList<>(List.of(firstBaseline, week.plusDays(6)));
        params.add(scope.parameter());
        // weekly counts per county and category, for the baseline weeks through the evaluated week
        Map<String, long[]> series = new TreeMap<>();
        int span = baselineWeeks + lag + 1;
        sql.list(
                "SELECT county, disease_category, date_trunc('week', diagnosis_date)::date AS wk, count(*)"
                        + " FROM case_report WHERE diagnosis_date BETWEEN ? AND ? AND " + scope.condition()
                        + " GROUP BY 1, 2, 3",
                rs -> {
                    long[] s = series.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new long[span]);
                    int index = (int) ChronoUnit.WEEKS.between(firstBaseline, rs.getObject(3, LocalDate.class));
                    s[index] = rs.getLong(4);
                    return null;
                },
                params.toArray());
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

    static CaseReport report(ResultSet rs) throws SQLException {
        return CaseReport.newBuilder()
                .setId(rs.getString("id"))
                .setIdentityNumber(ResidentId.mask(rs.getString("identity_number")))
                .setDiseaseCode(rs.getString("disease_code"))
                .setClassification(rs.getString("classification"))
                .setOnsetDate(rs.getObject("onset_date", LocalDate.class).toString())
                .setDiagnosisDate(
                        rs.getObject("diagnosis_date", LocalDate.class).toString())
                .setCounty(rs.getString("county"))
                .setReportedBy(rs.getString("reported_by"))
                .setOrganisation(rs.getString("organisation"))
                .setReportedAt(Sql.instant(rs, "reported_at").toString())
                .build();
    }
}
