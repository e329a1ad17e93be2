package cn.gov.qinghai.enterprisecost.service;

import cn.gov.qinghai.enterprisecost.calculators.CalculationResult;
import cn.gov.qinghai.enterprisecost.calculators.Calculator;
import cn.gov.qinghai.enterprisecost.calculators.CalculatorCatalogue;
import cn.gov.qinghai.enterprisecost.calculators.InputReader;
import cn.gov.qinghai.enterprisecost.calculators.Inputs;
import cn.gov.qinghai.enterprisecost.config.Today;
import cn.gov.qinghai.enterprisecost.data.ApplicationEventRepository;
import cn.gov.qinghai.enterprisecost.data.ApplicationEventRow;
import cn.gov.qinghai.enterprisecost.data.ApplicationRepository;
import cn.gov.qinghai.enterprisecost.data.ApplicationRow;
import cn.gov.qinghai.enterprisecost.data.RequestLockStore;
import cn.gov.qinghai.enterprisecost.rules.ApprovalDeadline;
import cn.gov.qinghai.enterprisecost.v1.Application;
import cn.gov.qinghai.enterprisecost.v1.ApplicationKind;
import cn.gov.qinghai.enterprisecost.v1.ApplicationStatus;
import cn.gov.qinghai.enterprisecost.v1.DecideApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.GetApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsResponse;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.StartReviewRequest;
import cn.gov.qinghai.enterprisecost.v1.SubmitApplicationRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.CreditCode;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subsidy applications: submitted by an applicant with an idempotency key, taken into review and decided by a
 * region-scoped reviewer, each against the 15-working-day limit (青政〔2017〕42号 八(四), 43号 一(一)). Every state
 * change is a version-checked update plus an append-only event row in one transaction.
 */
@Singleton
public class ApplicationService {

    public static final String APPLICANT = "enterprise-cost:applicant";
    public static final String REVIEWER = "enterprise-cost:reviewer";
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);

    private final ApplicationRepository applications;
    private final ApplicationEventRepository events;
    private final CalculatorCatalogue catalogue;
    private final ApprovalDeadline deadline;
    private final RequestLockStore locks;
    private final Clock clock;
    private final Today today;
    private final ApplicationMapper mapper;

    public ApplicationService(
            ApplicationRepository applications,
            ApplicationEventRepository events,
            CalculatorCatalogue catalogue,
            ApprovalDeadline deadline,
            RequestLockStore locks,
            Clock clock,
            Today today) {
        this.applications = applications;
        this.events = events;
        this.catalogue = catalogue;
        this.deadline = deadline;
        this.locks = locks;
        this.clock = clock;
        this.today = today;
        this.mapper = new ApplicationMapper(events, deadline);
    }

    @Transactional
    public Application submit(SubmitApplicationRequest request) {
        Caller caller = Caller.current().requireAnyRole(APPLICANT);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        ApplicationKind kind = errors.enumValue(
                "kind", request.getKind(), ApplicationKind.APPLICATION_KIND_UNSPECIFIED, ApplicationKind.UNRECOGNIZED);
        String creditCode = request.getEnterpriseCreditCode().trim();
        if (creditCode.isEmpty()) {
            errors.check(
                    kind == null || kind == ApplicationKind.STARTUP_AWARD,
                    "enterpriseCreditCode",
                    "is required (统一社会信用代码) except for a start-up award");
        } else {
            String problem = CreditCode.problem(creditCode).orElse(null);
            errors.check(problem == null, "enterpriseCreditCode", problem);
        }
        String name = errors.text("applicantName", request.getApplicantName(), 200);
        String region = errors.qinghaiRegion("region", request.getRegion());
        BigDecimal stated = null;
        if (kind != null && ApplicationKinds.amountStatedByApplicant(kind)) {
            stated = errors.decimal("claimedAmount", request.getClaimedAmount(), DecimalRule.positiveMoney());
        } else {
            errors.check(
                    request.getClaimedAmount().isEmpty(),
                    "claimedAmount",
                    "must be empty: the amount is computed from the inputs");
        }
        Calculator calculator = kind == null ? null : catalogue.require(ApplicationKinds.calculatorId(kind));
        Inputs inputs = calculator == null
                ? null
                : InputReader.read(calculator.inputs(), request.getInputsMap(), errors.at("inputs"));
        errors.throwIfAny();

        locks.lockApplication(requestId);
        String inputsJson = InputsJson.write(request.getInputsMap());
        var existing = applications.findByRequestId(requestId);
        if (existing.isPresent()) {
            ApplicationRow row = existing.get();
            boolean same = row.submittedBy().equals(caller.subject())
                    && row.kind().equals(kind.name())
                    && row.enterpriseCreditCode().equals(creditCode)
                    && row.applicantName().equals(name)
                    && row.region().equals(region)
                    && row.inputsJson().equals(inputsJson)
                    && (stated == null || row.claimedAmount().compareTo(stated) == 0);
            if (!same) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED",
                        "requestId " + requestId + " was already used for a different application");
            }
            return mapper.toProto(row, today());
        }

        LocalDate received = today();
        CalculationResult result = calculator.calculate(inputs, received);
        if (!result.eligible()) {
            throw ServiceException.failedPrecondition(
                            "NOT_ELIGIBLE", "not eligible: " + String.join("; ", result.reasons()))
                    .withMetadata(Map.of("calculatorId", calculator.id()));
        }
        BigDecimal claimed = stated != null ? Money.yuan(stated) : Objects.requireNonNull(result.amount());
        // Local rule (subsidy_application_time_limit.yaml), not 42号 八(四): that clause is for investment projects.
        ApprovalDeadline.Due due = deadline.dueForSubsidyApplication(received);
        ApplicationRow saved = applications.save(new ApplicationRow(
                null,
                requestId,
                kind.name(),
                calculator.id(),
                creditCode,
                name,
                region,
                inputsJson,
                claimed,
                result.explanation().toByteArray(),
                ApplicationStatus.SUBMITTED.name(),
                received,
                due.dueOn(),
                due.provisional(),
                null,
                "",
                "",
                null,
                caller.subject(),
                clock.instant(),
                1));
        events.save(new ApplicationEventRow(
                null, saved.id(), ApplicationStatus.SUBMITTED.name(), caller.subject(), clock.instant(), ""));
        LOG.info("application {} ({}) submitted for region {}, due {}", saved.id(), kind, region, due.dueOn());
        return mapper.toProto(saved, received);
    }

    @Transactional
    public Application get(GetApplicationRequest request) {
        Caller caller = authenticated();
        return mapper.toProto(visible(caller, request.getId()), today());
    }

    @Transactional
    public ListApplicationsResponse list(ListApplicationsRequest request) {
        Caller caller = authenticated();
        FieldErrors errors = new FieldErrors();
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        String status = "";
        if (request.getStatus() == ApplicationStatus.UNRECOGNIZED) {
            errors.add("status", "is not a known status");
        } else if (request.getStatus() != ApplicationStatus.APPLICATION_STATUS_UNSPECIFIED) {
            status = request.getStatus().name();
        }
        String pattern;
        String submittedBy = "";
        if (caller.hasRole(REVIEWER)) {
            pattern = scopedPattern(caller, request.getRegion(), errors);
        } else if (caller.hasRole(APPLICANT)) {
            submittedBy = caller.subject();
            pattern = request.getRegion().isEmpty() ? "%" : regionFilter(request.getRegion(), errors);
        } else {
            throw ServiceException.permissionDenied(
                    "ROLE_REQUIRED", "listing applications requires the role " + REVIEWER + " or " + APPLICANT);
        }
        errors.throwIfAny();
        List<ApplicationRow> rows = applications.list(pattern, status, submittedBy, window.size(), window.offset());
        int total = (int) applications.countList(pattern, status, submittedBy);
        return page(rows, total, window);
    }

    @Transactional
    public ListApplicationsResponse overdue(ListOverdueApplicationsRequest request) {
        Caller caller = Caller.current().requireAnyRole(REVIEWER);
        FieldErrors errors = new FieldErrors();
        LocalDate asOf = Dates.orToday(errors, "asOf", request.getAsOf(), today);
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        String pattern = scopedPattern(caller, request.getRegion(), errors);
        errors.throwIfAny();
        List<ApplicationRow> rows = applications.overdue(pattern, asOf, window.size(), window.offset());
        int total = (int) applications.countOverdue(pattern, asOf);
        ListApplicationsResponse.Builder out =
                ListApplicationsResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total));
        rows.forEach(r -> out.addApplications(mapper.toProto(r, asOf)));
        return out.build();
    }

    @Transactional
    public Application startReview(StartReviewRequest request) {
        Caller caller = Caller.current().requireAnyRole(REVIEWER);
        FieldErrors errors = new FieldErrors();
        errors.check(request.getVersion() > 0, "version", "is required (the version you read)");
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        ApplicationRow row = forReviewer(caller, request.getId());
        requireStatus(row, ApplicationStatus.SUBMITTED, "start a review");
        requireVersion(row, request.getVersion());
        if (applications.changeStatus(row.id(), row.version(), ApplicationStatus.UNDER_REVIEW.name()) == 0) {
            throw versionConflict(row.version());
        }
        events.save(new ApplicationEventRow(
                null,
                row.id(),
                ApplicationStatus.UNDER_REVIEW.name(),
                caller.subject(),
                clock.instant(),
                Objects.requireNonNullElse(note, "")));
        return mapper.toProto(applications.findById(row.id()).orElseThrow(), today());
    }

    @Transactional
    public Application decide(DecideApplicationRequest request) {
        Caller caller = Caller.current().requireAnyRole(REVIEWER);
        FieldErrors errors = new FieldErrors();
        errors.check(request.getVersion() > 0, "version", "is required (the version you read)");
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        BigDecimal approved = null;
        if (request.getApprove()) {
            approved = errors.decimal("approvedAmount", request.getApprovedAmount(), DecimalRule.money());
        } else {
            errors.check(request.getApprovedAmount().isEmpty(), "approvedAmount", "must be empty when rejecting");
            errors.check(note != null, "note", "is required when rejecting (the reason)");
        }
        errors.throwIfAny();
        ApplicationRow row = forReviewer(caller, request.getId());
        requireStatus(row, ApplicationStatus.UNDER_REVIEW, "decide");
        requireVersion(row, request.getVersion());
        if (approved != null && approved.compareTo(row.claimedAmount()) > 0) {
            throw ServiceException.invalid(
                    "approvedAmount", "must not exceed the amount claimed, " + Money.format(row.claimedAmount()));
        }
        ApplicationStatus status = request.getApprove() ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        LocalDate today = today();
        if (applications.decide(
                        row.id(),
                        row.version(),
                        status.name(),
                        approved == null ? null : Money.yuan(approved),
                        Objects.requireNonNullElse(note, ""),
                        caller.subject(),
                        today)
                == 0) {
            throw versionConflict(row.version());
        }
        events.save(new ApplicationEventRow(
                null,
                row.id(),
                status.name(),
                caller.subject(),
                clock.instant(),
                Objects.requireNonNullElse(note, "")));
        LOG.info("application {} {} by {}", row.id(), status, caller.subject());
        return mapper.toProto(applications.findById(row.id()).orElseThrow(), today);
    }

    private ListApplicationsResponse page(List<ApplicationRow> rows, int total, Pages.Window window) {
        LocalDate today = today();
        ListApplicationsResponse.Builder out =
                ListApplicationsResponse.newBuilder().setTotalSize(total).setNextPageToken(window.nextToken(total));
        rows.forEach(r -> out.addApplications(mapper.toProto(r, today)));
        return out.build();
    }

    private LocalDate today() {
        return today.get();
    }

    private static Caller authenticated() {
        Caller caller = Caller.current();
        if (caller.isAnonymous()) {
            throw ServiceException.unauthenticated("a bearer token is required");
        }
        return caller;
    }

    /** The reviewer's scope, narrowed to {@code region} when given (which must lie inside the scope). */
    private static String scopedPattern(Caller caller, String region, FieldErrors errors) {
        if (region.isEmpty()) {
            return caller.scope().likePattern();
        }
        String filter = regionFilter(region, errors);
        if (errors.isEmpty()) {
            caller.requireRegion(region);
        }
        return filter;
    }

    private static String regionFilter(String region, FieldErrors errors) {
        return errors.qinghaiRegion("region", region) == null ? "-" : new Scope(region).likePattern();
    }

    /** The application if this caller may see it; NOT_FOUND otherwise, so ids of others' applications do not leak. */
    private ApplicationRow visible(Caller caller, String id) {
        ApplicationRow row = find(id);
        boolean reviewer = caller.hasRole(REVIEWER) && caller.covers(row.region());
        if (!reviewer && !row.submittedBy().equals(caller.subject())) {
            throw notFound(id);
        }
        return row;
    }

    private ApplicationRow forReviewer(Caller caller, String id) {
        ApplicationRow row = find(id);
        caller.requireRegion(row.region());
        if (row.submittedBy().equals(caller.subject())) {
            throw ServiceException.permissionDenied(
                    "OWN_APPLICATION", "you may not review an application you submitted");
        }
        return row;
    }

    private ApplicationRow find(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw ServiceException.invalid("id", "must be an application id (digits)");
        }
        return applications.findById(Long.parseLong(id)).orElseThrow(() -> notFound(id));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("APPLICATION_NOT_FOUND", "no application " + id);
    }

    private static void requireStatus(ApplicationRow row, ApplicationStatus expected, String action) {
        if (!row.status().equals(expected.name())) {
            throw ServiceException.failedPrecondition(
                            "INVALID_TRANSITION",
                            "cannot " + action + ": the application is " + row.status() + ", not " + expected)
                    .withMetadata(Map.of("status", row.status()));
        }
    }

    private static void requireVersion(ApplicationRow row, long version) {
        if (row.version() != version) {
            throw versionConflict(row.version());
        }
    }

    private static ServiceException versionConflict(long current) {
        return ServiceException.aborted(
                        "VERSION_CONFLICT",
                        "the application was changed by someone else; read it again (current version " + current + ")")
                .withMetadata(Map.of("currentVersion", String.valueOf(current)));
    }
}
