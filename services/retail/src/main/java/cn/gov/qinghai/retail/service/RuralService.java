package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.v1.DecideSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.GetTownshipCoverageRequest;
import cn.gov.qinghai.retail.v1.RegisterServicePointRequest;
import cn.gov.qinghai.retail.v1.ServicePoint;
import cn.gov.qinghai.retail.v1.ServicePointKind;
import cn.gov.qinghai.retail.v1.SubmitSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.SubsidyApplication;
import cn.gov.qinghai.retail.v1.TownshipCoverage;
import cn.gov.qinghai.retail.v1.TownshipCoverageRow;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rural service network (青政办〔2017〕85号 一(一)): village e-commerce service points and smart parcel lockers
 * with their services, construction-subsidy applications (对在农村牧区设立的村级电商综合服务网点、智能信包箱或智能信报
 * (快件)箱给予建设补助) and coverage by township.
 */
@Singleton
public class RuralService {

    private final Sql sql;
    private final RetailParameters parameters;
    private final Clock clock;

    public RuralService(Sql sql, RetailParameters parameters, Clock clock) {
        this.sql = sql;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** Registers a point (the operator itself or a commerce officer of the township's region). Idempotent. */
    @Transactional
    public ServicePoint registerPoint(RegisterServicePointRequest r) {
        Caller.current().requireAnyRole(Authority.OFFICER, Authority.ENTERPRISE);
        Set<String> known = parameters.ruralServices(LocalDate.now(clock)).keySet();
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        ServicePointKind kind = errors.enumValue(
                "kind", r.getKind(), ServicePointKind.SERVICE_POINT_KIND_UNSPECIFIED, ServicePointKind.UNRECOGNIZED);
        String operator = Validation.creditCode(errors, "operatorCreditCode", r.getOperatorCreditCode());
        String township = r.getTownshipCode();
        if (!township.matches("63\\d{7}") || township.substring(0, 6).endsWith("00")) {
            errors.add("townshipCode", "must be a 9-digit township code: a Qinghai county code followed by 3 digits");
            township = null;
        }
        String townshipName = errors.text("townshipName", r.getTownshipName(), 100);
        String village = errors.text("village", r.getVillage(), 100);
        for (int i = 0; i < r.getServicesCount(); i++) {
            if (!known.contains(r.getServices(i))) {
                errors.add("services[" + i + "]", "must be one of " + known);
            }
        }
        errors.throwIfAny();
        String[] services = new LinkedHashSet<>(r.getServicesList()).toArray(String[]::new);
        if (sql.one("SELECT 1 FROM enterprise WHERE credit_code = ?", rs -> 1, operator)
                .isEmpty()) {
            throw EnterpriseService.notFound(operator);
        }
        Caller caller = Authority.officerOrOrganisation(township.substring(0, 6), Authority.ENTERPRISE, operator);
        sql.update(
                """
                INSERT INTO service_point (request_id, kind, operator_credit_code, township_code, township_name, village,
                                           services, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""",
                requestId,
                kind.name(),
                operator,
                township,
                townshipName,
                village,
                services,
                caller.subject(),
                clock.instant());
        ServicePoint p = sql.one("SELECT * FROM service_point WHERE request_id = ?", RuralService::point, requestId)
                .orElseThrow();
        if (!p.getOperatorCreditCode().equals(operator)
                || !p.getTownshipCode().equals(township)
                || !p.getVillage().equals(village)
                || p.getKind() != kind) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different service point");
        }
        return p;
    }

    private static ServicePoint point(ResultSet rs) throws SQLException {
        return ServicePoint.newBuilder()
                .setId(rs.getLong("id"))
                .setKind(ServicePointKind.valueOf(rs.getString("kind")))
                .setOperatorCreditCode(rs.getString("operator_credit_code"))
                .setTownshipCode(rs.getString("township_code"))
                .setTownshipName(rs.getString("township_name"))
                .setVillage(rs.getString("village"))
                .addAllServices(Arrays.asList((String[]) rs.getArray("services").getArray()))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at")))
                .build();
    }

    /** Submits an application (the point's operator). A retry with the same request id returns the first result. */
    @Transactional
    public SubsidyApplication submit(SubmitSubsidyApplicationRequest r) {
        Caller caller = Authority.actingOrganisation(Authority.ENTERPRISE);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        errors.check(r.getServicePointId() > 0, "servicePointId", "is required");
        BigDecimal cost = errors.decimal(
                "constructionCost",
                r.getConstructionCost(),
                DecimalRule.positiveMoney().max("100000000"));
        BigDecimal requested = errors.decimal(
                "requestedAmount",
                r.getRequestedAmount(),
                DecimalRule.positiveMoney().max("100000000"));
        if (cost != null && requested != null && requested.compareTo(cost) > 0) {
            errors.add("requestedAmount", "must not exceed constructionCost");
        }
        String description = errors.optionalText("description", r.getDescription(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        Optional<SubsidyApplication> replay = byRequest(requestId);
        if (replay.isEmpty()) {
            String operator = sql.one(
                            "SELECT operator_credit_code FROM service_point WHERE id = ?",
                            rs -> rs.getString(1),
                            r.getServicePointId())
                    .orElseThrow(() -> ServiceException.notFound(
                            "SERVICE_POINT_NOT_FOUND", "no service point " + r.getServicePointId()));
            if (!operator.equals(caller.organisation())) {
                throw ServiceException.permissionDenied(
                        "NOT_THE_OPERATOR", "only the operator of the service point may apply for its subsidy");
            }
            Long id = sql.one(
                            """
                    INSERT INTO subsidy_application (request_id, service_point_id, applicant, construction_cost,
                      requested_amount, description, status, version, submitted_by, submitted_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""",
                            rs -> rs.getLong(1),
                            requestId,
                            r.getServicePointId(),
                            operator,
                            Money.yuan(cost),
                            Money.yuan(requested),
                            Objects.requireNonNullElse(description, ""),
                            caller.subject(),
                            clock.instant())
                    .orElse(null);
            if (id != null) {
                history(id, null, "SUBMITTED", caller.subject(), "");
            }
            replay = byRequest(requestId);
        }
        SubsidyApplication a = replay.orElseThrow();
        boolean same = a.getServicePointId() == r.getServicePointId()
                && new BigDecimal(a.getConstructionCost()).compareTo(cost) == 0
                && new BigDecimal(a.getRequestedAmount()).compareTo(requested) == 0
                && a.getApplicant().equals(caller.organisation());
        if (!same) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different application");
        }
        return a;
    }

    /** Approves or rejects a submitted application (commerce officer of the point's county). */
    @Transactional
    public SubsidyApplication decide(DecideSubsidyApplicationRequest r) {
        Authority.officer();
        FieldErrors errors = new FieldErrors();
        errors.check(r.getApplicationId() > 0, "applicationId", "is required");
        errors.check(r.getVersion() > 0, "version", "is required (the version you read)");
        String reason = errors.text("reason", r.getReason(), FieldErrors.MAX_TEXT);
        BigDecimal approved = r.getApprove()
                ? errors.decimal(
                        "approvedAmount",
                        r.getApprovedAmount(),
                        DecimalRule.positiveMoney().max("100000000"))
                : null;
        errors.throwIfAny();
        SubsidyApplication a = sql.one(
                        "SELECT * FROM subsidy_application WHERE id = ?",
                        RuralService::application,
                        r.getApplicationId())
                .orElseThrow(() ->
                        ServiceException.notFound("APPLICATION_NOT_FOUND", "no application " + r.getApplicationId()));
        String township = sql.one(
                        "SELECT township_code FROM service_point WHERE id = ?",
                        rs -> rs.getString(1),
                        a.getServicePointId())
                .orElseThrow();
        Caller caller = Authority.officerFor(township.substring(0, 6));
        if (!"SUBMITTED".equals(a.getStatus())) {
            throw ServiceException.failedPrecondition(
                    "ALREADY_DECIDED", "application " + a.getId() + " is " + a.getStatus());
        }
        if (approved != null && approved.compareTo(new BigDecimal(a.getRequestedAmount())) > 0) {
            throw ServiceException.invalid(
                    "approvedAmount", "must not exceed the requested amount " + a.getRequestedAmount());
        }
        String status = r.getApprove() ? "APPROVED" : "REJECTED";
        int updated = sql.update(
                """
                UPDATE subsidy_application SET status = ?, approved_amount = ?, decision_reason = ?, decided_by = ?,
                  decided_at = ?, version = version + 1
                WHERE id = ? AND version = ?""",
                status,
                approved == null ? null : Money.yuan(approved),
                reason,
                caller.subject(),
                clock.instant(),
                a.getId(),
                r.getVersion());
        if (updated == 0) {
            throw ServiceException.aborted(
                    "VERSION_CONFLICT",
                    "application " + a.getId() + " is at version " + a.getVersion() + ", not " + r.getVersion()
                            + ": re-read and decide again");
        }
        history(a.getId(), "SUBMITTED", status, caller.subject(), reason);
        return sql.one("SELECT * FROM subsidy_application WHERE id = ?", RuralService::application, a.getId())
                .orElseThrow();
    }

    private void history(long id, String from, String to, String actor, String note) {
        sql.update(
                "INSERT INTO subsidy_application_history (application_id, from_status, to_status, actor, note, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                id,
                from,
                to,
                actor,
                note,
                clock.instant());
    }

    private Optional<SubsidyApplication> byRequest(String requestId) {
        return sql.one("SELECT * FROM subsidy_application WHERE request_id = ?", RuralService::application, requestId);
    }

    private static SubsidyApplication application(ResultSet rs) throws SQLException {
        BigDecimal approved = rs.getBigDecimal("approved_amount");
        return SubsidyApplication.newBuilder()
                .setId(rs.getLong("id"))
                .setRequestId(rs.getString("request_id"))
                .setServicePointId(rs.getLong("service_point_id"))
                .setApplicant(rs.getString("applicant"))
                .setConstructionCost(Money.format(rs.getBigDecimal("construction_cost")))
                .setRequestedAmount(Money.format(rs.getBigDecimal("requested_amount")))
                .setStatus(rs.getString("status"))
                .setApprovedAmount(approved == null ? "" : Money.format(approved))
                .setDecisionReason(Objects.requireNonNullElse(rs.getString("decision_reason"), ""))
                .setDecidedBy(Objects.requireNonNullElse(rs.getString("decided_by"), ""))
                .setVersion(rs.getInt("version"))
                .setSubmittedAt(Sql.text(Sql.instant(rs, "submitted_at")))
                .setDecidedAt(Sql.text(Sql.instant(rs, "decided_at")))
                .build();
    }

    /** Per township of a county or prefecture: villages served, points, lockers, services present and missing. */
    @Transactional(readOnly = true)
    public TownshipCoverage coverage(GetTownshipCoverageRequest r) {
        FieldErrors errors = new FieldErrors();
        String region = errors.qinghaiRegion("region", r.getRegion());
        errors.throwIfAny();
        List<String> known =
                List.copyOf(parameters.ruralServices(LocalDate.now(clock)).keySet());
        List<TownshipCoverageRow> rows = sql.list(
                """
                SELECT p.township_code, max(p.township_name) AS township_name,
                       count(DISTINCT p.village) AS villages,
                       count(*) FILTER (WHERE p.kind = 'VILLAGE_ECOMMERCE_POINT') AS points,
                       count(*) FILTER (WHERE p.kind = 'SMART_PARCEL_LOCKER') AS lockers,
                       (SELECT array_agg(DISTINCT s) FROM service_point q, unnest(q.services) s
                         WHERE q.township_code = p.township_code) AS services,
                       (SELECT count(*) FROM subsidy_application a JOIN service_point q ON q.id = a.service_point_id
                         WHERE q.township_code = p.township_code AND a.status = 'APPROVED') AS approved,
                       (SELECT coalesce(sum(a.approved_amount), 0) FROM subsidy_application a
                         JOIN service_point q ON q.id = a.service_point_id
                         WHERE q.township_code = p.township_code AND a.status = 'APPROVED') AS approved_total
                FROM service_point p WHERE p.township_code LIKE ?
                GROUP BY p.township_code ORDER BY p.township_code""",
                rs -> {
                    java.sql.Array arr = rs.getArray("services");
                    List<String> present = arr == null ? List.of() : Arrays.asList((String[]) arr.getArray());
                    return TownshipCoverageRow.newBuilder()
                            .setTownshipCode(rs.getString("township_code"))
                            .setTownshipName(rs.getString("township_name"))
                            .setVillagesServed(rs.getInt("villages"))
                            .setServicePoints(rs.getInt("points"))
                            .setParcelLockers(rs.getInt("lockers"))
                            .addAllServices(
                                    known.stream().filter(present::contains).toList())
                            .addAllMissingServices(known.stream()
                                    .filter(s -> !present.contains(s))
                                    .toList())
                            .setSubsidiesApproved(rs.getInt("approved"))
                            .setSubsidyApprovedTotal(Money.format(rs.getBigDecimal("approved_total")))
                            .build();
                },
                new Scope(region).likePattern() + "%");
        return TownshipCoverage.newBuilder()
                .setRegion(region)
                .addAllTownships(rows)
                .build();
    }
}
