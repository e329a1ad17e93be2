package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.retail.data.ServicePointRepository;
import cn.gov.qinghai.retail.data.ServicePointRow;
import cn.gov.qinghai.retail.data.ServicePointStore;
import cn.gov.qinghai.retail.data.SubsidyApplicationHistoryRepository;
import cn.gov.qinghai.retail.data.SubsidyApplicationHistoryRow;
import cn.gov.qinghai.retail.data.SubsidyApplicationRepository;
import cn.gov.qinghai.retail.data.SubsidyApplicationRow;
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

    private final ServicePointRepository points;
    private final ServicePointStore coverage;
    private final SubsidyApplicationRepository applications;
    private final SubsidyApplicationHistoryRepository history;
    private final EnterpriseService enterprises;
    private final RetailParameters parameters;
    private final Clock clock;

    public RuralService(
            ServicePointRepository points,
            ServicePointStore coverage,
            SubsidyApplicationRepository applications,
            SubsidyApplicationHistoryRepository history,
            EnterpriseService enterprises,
            RetailParameters parameters,
            Clock clock) {
        this.points = points;
        this.coverage = coverage;
        this.applications = applications;
        this.history = history;
        this.enterprises = enterprises;
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
        if (!enterprises.exists(operator)) {
            throw EnterpriseService.notFound(operator);
        }
        Caller caller = Authority.officerOrOrganisation(township.substring(0, 6), Authority.ENTERPRISE, operator);
        points.insertIfAbsent(
                requestId,
                kind.name(),
                operator,
                township,
                townshipName,
                village,
                services,
                caller.subject(),
                clock.instant());
        ServicePoint p = point(points.findByRequestId(requestId).orElseThrow());
        if (!p.getOperatorCreditCode().equals(operator)
                || !p.getTownshipCode().equals(township)
                || !p.getVillage().equals(village)
                || p.getKind() != kind) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different service point");
        }
        return p;
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
            String operator = points.findOperatorCreditCodeById(r.getServicePointId())
                    .orElseThrow(() -> ServiceException.notFound(
                            "SERVICE_POINT_NOT_FOUND", "no service point " + r.getServicePointId()));
            if (!operator.equals(caller.organisation())) {
                throw ServiceException.permissionDenied(
                        "NOT_THE_OPERATOR", "only the operator of the service point may apply for its subsidy");
            }
            int inserted = applications.insertIfAbsent(
                    requestId,
                    r.getServicePointId(),
                    operator,
                    Money.yuan(cost),
                    Money.yuan(requested),
                    Objects.requireNonNullElse(description, ""),
                    caller.subject(),
                    clock.instant());
            replay = byRequest(requestId);
            if (inserted > 0) {
                history(replay.orElseThrow().getId(), null, "SUBMITTED", caller.subject(), "");
            }
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
        SubsidyApplication a = applications
                .findById(r.getApplicationId())
                .map(RuralService::application)
                .orElseThrow(() ->
                        ServiceException.notFound("APPLICATION_NOT_FOUND", "no application " + r.getApplicationId()));
        String township = points.findTownshipCodeById(a.getServicePointId()).orElseThrow();
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
        boolean updated = applications.decide(
                        a.getId(),
                        r.getVersion(),
                        status,
                        approved == null ? null : Money.yuan(approved),
                        reason,
                        caller.subject(),
                        clock.instant())
                > 0;
        if (!updated) {
            throw ServiceException.aborted(
                    "VERSION_CONFLICT",
                    "application " + a.getId() + " is at version " + a.getVersion() + ", not " + r.getVersion()
                            + ": re-read and decide again");
        }
        history(a.getId(), "SUBMITTED", status, caller.subject(), reason);
        return applications.findById(a.getId()).map(RuralService::application).orElseThrow();
    }

    /** Appends a status change; {@code from} is null for the submission. */
    private void history(long id, String from, String to, String actor, String note) {
        history.save(new SubsidyApplicationHistoryRow(null, id, from, to, actor, note, clock.instant()));
    }

    private Optional<SubsidyApplication> byRequest(String requestId) {
        return applications.findByRequestId(requestId).map(RuralService::application);
    }

    private static ServicePoint point(ServicePointRow row) {
        return ServicePoint.newBuilder()
                .setId(row.id())
                .setKind(ServicePointKind.valueOf(row.kind()))
                .setOperatorCreditCode(row.operatorCreditCode())
                .setTownshipCode(row.townshipCode())
                .setTownshipName(row.townshipName())
                .setVillage(row.village())
                .addAllServices(Arrays.asList(row.services()))
                .setRegisteredAt(Sql.text(row.registeredAt()))
                .build();
    }

    private static SubsidyApplication application(SubsidyApplicationRow row) {
        return SubsidyApplication.newBuilder()
                .setId(row.id())
                .setRequestId(row.requestId())
                .setServicePointId(row.servicePointId())
                .setApplicant(row.applicant())
                .setConstructionCost(Money.format(row.constructionCost()))
                .setRequestedAmount(Money.format(row.requestedAmount()))
                .setStatus(row.status())
                .setApprovedAmount(row.approvedAmount() == null ? "" : Money.format(row.approvedAmount()))
                .setDecisionReason(Objects.requireNonNullElse(row.decisionReason(), ""))
                .setDecidedBy(Objects.requireNonNullElse(row.decidedBy(), ""))
                .setVersion(row.version())
                .setSubmittedAt(Sql.text(row.submittedAt()))
                .setDecidedAt(Sql.text(row.decidedAt()))
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
        List<TownshipCoverageRow> rows = coverage.coverage(new Scope(region).likePattern() + "%").stream()
                .map(c -> TownshipCoverageRow.newBuilder()
                        .setTownshipCode(c.townshipCode())
                        .setTownshipName(c.townshipName())
                        .setVillagesServed(c.villages())
                        .setServicePoints(c.points())
                        .setParcelLockers(c.lockers())
                        .addAllServices(
                                known.stream().filter(c.services()::contains).toList())
                        .addAllMissingServices(known.stream()
                                .filter(s -> !c.services().contains(s))
                                .toList())
                        .setSubsidiesApproved(c.approved())
                        .setSubsidyApprovedTotal(Money.format(c.approvedTotal()))
                        .build())
                .toList();
        return TownshipCoverage.newBuilder()
                .setRegion(region)
                .addAllTownships(rows)
                .build();
    }
}
