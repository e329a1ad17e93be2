package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.data.EventRow;
import cn.gov.qinghai.hotline.data.TicketEventRepository;
import cn.gov.qinghai.hotline.data.TicketFilter;
import cn.gov.qinghai.hotline.data.TicketRepository;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.hotline.data.TicketStore;
import cn.gov.qinghai.hotline.rules.Agency;
import cn.gov.qinghai.hotline.rules.Classifier;
import cn.gov.qinghai.hotline.rules.Routing;
import cn.gov.qinghai.hotline.rules.TicketLifecycle;
import cn.gov.qinghai.hotline.rules.TimeLimits;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.Feedback;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.ListOverdueTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListPublicTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListTicketsResponse;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.region.Regions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tickets after intake (96号 三(三) "有人接、有人管、有渠道、有反馈"): tracking, lists scoped to the caller, the overdue
 * list and every step of the life cycle. A step locks the row, checks the version the caller saw (optimistic
 * locking), checks the step is allowed, writes the new state and one history row — all in one transaction.
 */
@Singleton
public class TicketService {

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TicketStore lists;
    private final TicketView view;
    private final CatalogueService catalogue;
    private final Classifier classifier;
    private final Routing routing;
    private final TimeLimits limits;
    private final Clock clock;

    TicketService(
            TicketRepository tickets,
            TicketEventRepository events,
            TicketStore lists,
            TicketView view,
            CatalogueService catalogue,
            Classifier classifier,
            Routing routing,
            TimeLimits limits,
            Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.lists = lists;
        this.view = view;
        this.catalogue = catalogue;
        this.classifier = classifier;
        this.routing = routing;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Ticket get(GetTicketRequest r) {
        FieldErrors errors = new FieldErrors();
        boolean byRequestId = r.getNumber().isEmpty() && !r.getRequestId().isEmpty();
        String key = byRequestId
                ? Validation.requestId(errors, "requestId", r.getRequestId())
                : Validation.number(errors, r.getNumber());
        errors.throwIfAny();
        TicketRow t = (byRequestId ? tickets.findByRequestId(key) : tickets.findByNumber(key))
                .orElseThrow(() -> notFound(key));
        return view.of(t, events.findByTicketIdOrderBySeq(t.id()), levelFor(Caller.current(), t), clock.instant());
    }

    /** Open311-style public listing: public views only, never more than the public may see. */
    @Transactional(readOnly = true)
    public ListTicketsResponse listPublic(ListPublicTicketsRequest r) {
        FieldErrors errors = new FieldErrors();
        String region = r.getRegion().isEmpty() ? null : errors.qinghaiRegion("region", r.getRegion());
        String category = Validation.category(errors, "categoryCode", r.getCategoryCode(), catalogue.inForce(today()));
        List<String> states = switch (r.getStatus()) {
            case "" -> null;
            case "open" -> OPEN;
            case "closed" -> List.of(TicketState.CLOSED.name(), TicketState.HANDED_TO_110.name());
            default -> {
                errors.add("status", "must be open or closed");
                yield null;
            }
        };
        LocalDate from = errors.optionalDate("from", r.getFrom());
        LocalDate to = errors.optionalDate("to", r.getTo());
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        TicketFilter f = new TicketFilter(
                null,
                region == null || Regions.PROVINCE.equals(region) ? null : region,
                null,
                null,
                category,
                states,
                from == null
                        ? null
                        : from.atStartOfDay(PlatformGrpcFactory.CHINA).toInstant(),
                to == null
                        ? null
                        : to.plusDays(1).atStartOfDay(PlatformGrpcFactory.CHINA).toInstant());
        TicketStore.Page p = lists.list(f, w.offset(), w.size());
        Instant now = clock.instant();
        return ListTicketsResponse.newBuilder()
                .addAllTickets(p.rows().stream()
                        .map(t -> view.of(t, List.of(), TicketView.Level.PUBLIC, now))
                        .toList())
                .setNextPageToken(w.nextToken((int) p.total()))
                .setTotalSize((int) p.total())
                .build();
    }

    private static final List<String> OPEN = List.of(
            TicketState.PENDING_CLASSIFICATION.name(),
            TicketState.ASSIGNED.name(),
            TicketState.ACCEPTED.name(),
            TicketState.RETURNED.name(),
            TicketState.IN_PROGRESS.name(),
            TicketState.RESOLVED.name(),
            TicketState.FEEDBACK_RECORDED.name());

    @Transactional(readOnly = true)
    public ListTicketsResponse list(ListTicketsRequest r) {
        Access.Scope scope = Access.scope(Access.OPERATOR, Access.AGENCY, Access.SUPERVISOR);
        FieldErrors errors = new FieldErrors();
        String region = r.getRegion().isEmpty() ? null : errors.qinghaiRegion("region", r.getRegion());
        String state = null;
        if (r.getState() == TicketState.UNRECOGNIZED) {
            errors.add("state", "unknown state");
        } else if (r.getState() != TicketState.TICKET_STATE_UNSPECIFIED) {
            state = r.getState().name();
        }
        String category = Validation.category(errors, "categoryCode", r.getCategoryCode(), catalogue.inForce(today()));
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        TicketFilter f = scope.filter(region, r.getAgencyId().isEmpty() ? null : r.getAgencyId(), state, category);
        return page(lists.list(f, w.offset(), w.size()), w, scope);
    }

    @Transactional(readOnly = true)
    public ListTicketsResponse overdue(ListOverdueTicketsRequest r) {
        Access.Scope scope = Access.scope(Access.OPERATOR, Access.AGENCY, Access.SUPERVISOR);
        FieldErrors errors = new FieldErrors();
        String region = r.getRegion().isEmpty() ? null : errors.qinghaiRegion("region", r.getRegion());
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        TicketFilter f = scope.filter(region, null, null, null);
        return page(lists.overdue(f, clock.instant(), w.offset(), w.size()), w, scope);
    }

    private ListTicketsResponse page(TicketStore.Page p, Pages.Window w, Access.Scope scope) {
        Instant now = clock.instant();
        TicketView.Level level = scope.agencyOnly() ? TicketView.Level.AGENCY : TicketView.Level.FULL;
        return ListTicketsResponse.newBuilder()
                .addAllTickets(p.rows().stream()
                        .map(t -> view.of(t, List.of(), level, now))
                        .toList())
                .setNextPageToken(w.nextToken((int) p.total()))
                .setTotalSize((int) p.total())
                .build();
    }

    @Transactional
    public Ticket transition(TransitionTicketRequest r) {
        Access.Scope scope = Access.scope(Access.OPERATOR, Access.AGENCY);
        Caller caller = scope.caller();
        Instant clockNow = clock.instant();
        FieldErrors errors = new FieldErrors();
        String number = Validation.number(errors, r.getNumber());
        // a step entered after the fact is validated against, and recorded on, its own day
        LocalDate actedOn = actedOn(errors, r.getActedOn());
        TicketAction action = errors.enumValue(
                "action", r.getAction(), TicketAction.TICKET_ACTION_UNSPECIFIED, TicketAction.UNRECOGNIZED);
        errors.check(r.getExpectedVersion() >= 1, "expectedVersion", "is required: the version of the ticket you saw");
        String requestId = Validation.requestId(errors, "requestId", r.getRequestId());
        String reason = errors.optionalText("reason", r.getReason(), FieldErrors.MAX_TEXT);
        String result = errors.optionalText("result", r.getResult(), FieldErrors.MAX_TEXT);
        String note = errors.optionalText("note", r.getNote(), FieldErrors.MAX_TEXT);
        String category = Validation.category(
                errors, "categoryCode", r.getCategoryCode(), catalogue.inForce(actedOn == null ? today() : actedOn));
        if (action == TicketAction.RETURN || action == TicketAction.REOPEN) {
            errors.check(reason != null, "reason", "is required for " + action);
        }
        if (action == TicketAction.RESOLVE) {
            errors.check(result != null, "result", "is required for RESOLVE: what was done");
        }
        if (action == TicketAction.RECORD_FEEDBACK) {
            errors.enumValue("feedback", r.getFeedback(), Feedback.FEEDBACK_UNSPECIFIED, Feedback.UNRECOGNIZED);
        }
        if (action == TicketAction.CLASSIFY) {
            errors.check(!r.getCategoryCode().isEmpty(), "categoryCode", "is required for CLASSIFY");
        }
        if (action == TicketAction.REASSIGN) {
            errors.check(
                    !r.getAgencyId().isEmpty() || !r.getCategoryCode().isEmpty(),
                    "agencyId",
                    "REASSIGN needs agencyId or categoryCode");
        }
        errors.throwIfAny();

        TicketRow t = tickets.findByNumberForUpdate(number).filter(scope::sees).orElseThrow(() -> notFound(number));
        if (events.existsByTicketIdAndRequestId(t.id(), requestId)) {
            return view.of(t, events.findByTicketIdOrderBySeq(t.id()), levelFor(caller, t), clockNow);
        }
        TicketState state = TicketState.valueOf(t.state());
        if (TicketLifecycle.isTerminal(state)) {
            throw precondition("TICKET_CLOSED", "ticket " + number + " is " + state + " and can no longer change", t);
        }
        if (r.getExpectedVersion() != t.version()) {
            throw ServiceException.aborted(
                            "VERSION_CONFLICT",
                            "ticket " + number + " changed since you read it "
                                    + "(your version " + r.getExpectedVersion() + ", now " + t.version() + ", state "
                                    + state
                                    + "); read it again")
                    .withMetadata(Map.of("currentVersion", Long.toString(t.version()), "currentState", state.name()));
        }
        TicketLifecycle.Step step = TicketLifecycle.allowed(state, action)
                .orElseThrow(() -> precondition(
                        "ILLEGAL_TRANSITION",
                        action + " is not allowed while the ticket is " + state + "; allowed: "
                                + TicketLifecycle.allowedActions(state),
                        t));
        authorise(step, caller, t);
        Instant now = actedOn == null ? clockNow : actedAt(t, actedOn, clockNow);
        TicketRow next = apply(t, step, r, category, reason, result, now);
        tickets.update(next);
        String eventNote = switch (action) {
            case RETURN, REOPEN -> reason;
            case RESOLVE -> result;
            case RECORD_FEEDBACK -> r.getFeedback().name() + (note == null ? "" : ": " + note);
            default -> note == null ? "" : note;
        };
        events.append(new EventRow(
                t.id(),
                0,
                action.name(),
                action.name(),
                state.name(),
                next.state(),
                caller.subject(),
                now,
                eventNote == null ? "" : eventNote,
                next.agencyId() == null ? "" : next.agencyId(),
                requestId));
        return view.of(next, events.findByTicketIdOrderBySeq(t.id()), levelFor(caller, next), clockNow);
    }

    /** {@code actedOn}: optional ISO day, not in the future (the ticket-relative limits are in {@link #actedAt}). */
    private LocalDate actedOn(FieldErrors errors, String value) {
        LocalDate day = errors.optionalDate("actedOn", value);
        if (day != null && day.isAfter(today())) {
            errors.add("actedOn", "must not be in the future");
            return null;
        }
        return day;
    }

    /**
     * The instant of a step taken on {@code day}: noon China time (like receivedOn), but never before the ticket's
     * latest event (two steps on one day keep their order) nor after now. A day before the ticket was received or
     * before its previous step is an invalid actedOn.
     */
    private Instant actedAt(TicketRow t, LocalDate day, Instant clockNow) {
        LocalDate received = LocalDate.ofInstant(t.receivedAt(), PlatformGrpcFactory.CHINA);
        Instant previous = events.findByTicketIdOrderBySeq(t.id()).stream()
                .map(EventRow::at)
                .max(Instant::compareTo)
                .orElse(t.receivedAt());
        LocalDate previousDay = LocalDate.ofInstant(previous, PlatformGrpcFactory.CHINA);
        if (day.isBefore(received)) {
            throw ServiceException.invalid("actedOn", "must not be before the ticket was received on " + received);
        }
        if (day.isBefore(previousDay)) {
            throw ServiceException.invalid(
                    "actedOn", "must not be before the ticket's previous step on " + previousDay);
        }
        Instant noon = day.atTime(12, 0).atZone(PlatformGrpcFactory.CHINA).toInstant();
        Instant at = noon.isBefore(previous) ? previous : noon;
        return at.isAfter(clockNow) ? clockNow : at;
    }

    private static void authorise(TicketLifecycle.Step step, Caller caller, TicketRow t) {
        if (step.actor() == TicketLifecycle.Actor.OPERATOR) {
            caller.requireAnyRole(Access.OPERATOR).requireRegion(t.region());
        } else {
            caller.requireAnyRole(Access.AGENCY).requireRegion(t.region());
            if (!caller.organisation().equals(t.agencyId())) {
                throw ServiceException.permissionDenied(
                        "NOT_ASSIGNED_AGENCY",
                        "only the assigned agency (" + t.agencyId() + ") may " + step.action() + " this ticket");
            }
        }
    }

    private TicketRow apply(
            TicketRow t,
            TicketLifecycle.Step step,
            TransitionTicketRequest r,
            String category,
            String reason,
            String result,
            Instant now) {
        LocalDate received = LocalDate.ofInstant(t.receivedAt(), PlatformGrpcFactory.CHINA);
        String state = step.to().name();
        String categoryCode = t.categoryCode();
        String channel = t.channel();
        String hotline = t.hotline();
        String handOff = t.handOff();
        String agencyId = t.agencyId();
        int resolveHours = t.resolveLimitHours();
        Instant acceptDue = t.acceptDueAt();
        Instant resolveDue = t.resolveDueAt();
        Instant acceptedAt = t.acceptedAt();
        Instant resolvedAt = t.resolvedAt();
        Boolean onTime = t.resolvedOnTime();
        Instant closedAt = t.closedAt();
        String resultText = t.result();
        String feedback = t.feedback();
        int reopens = t.reopenCount();
        byte[] classification = t.classification();
        switch (step.action()) {
            case CLASSIFY, REASSIGN -> {
                if (category != null) {
                    Classification c = classifier.classify(null, category, t.region(), received);
                    classification = c.toByteArray();
                    categoryCode = category;
                    channel = c.getChannel().name();
                    hotline = c.getHotline();
                    handOff = c.getHandOff().name();
                    resolveHours = limits.of(t.region(), category, received).resolveHours();
                    resolveDue = t.receivedAt().plus(Duration.ofHours(resolveHours));
                    if (c.getCall110Now()) {
                        if (step.action() == TicketAction.REASSIGN) {
                            throw ServiceException.invalid(
                                    "categoryCode",
                                    "an emergency category cannot be "
                                            + "reassigned to an agency; it is 110's (二(二)1/2)");
                        }
                        state = TicketState.HANDED_TO_110.name();
                        agencyId = null;
                        closedAt = now;
                        break;
                    }
                }
                Optional<Agency> agency = !r.getAgencyId().isEmpty()
                        ? routing.agency(r.getAgencyId(), received)
                        : routing.route(t.region(), categoryCode, received);
                if (!r.getAgencyId().isEmpty()
                        && (agency.isEmpty() || !agency.get().region().equals(t.prefecture()))) {
                    throw ServiceException.notFound(
                            "AGENCY_NOT_FOUND",
                            "no agency " + r.getAgencyId() + " in the routing table of " + t.prefecture());
                }
                agencyId = agency.orElseThrow(() -> ServiceException.failedPrecondition(
                                "NO_ROUTE",
                                "the routing table has no agency for " + t.region() + "/" + t.categoryCode()))
                        .id();
                acceptDue = step.action() == TicketAction.REASSIGN
                        ? now.plus(Duration.ofHours(t.acceptLimitHours()))
                        : acceptDue;
            }
            case ACCEPT -> acceptedAt = now;
            case RETURN -> {
                agencyId = null;
                acceptedAt = null;
            }
            case RESOLVE -> {
                resolvedAt = now;
                onTime = !now.isAfter(resolveDue);
                resultText = result;
            }
            case RECORD_FEEDBACK -> feedback = r.getFeedback().name();
            case CLOSE -> closedAt = now;
            case REOPEN -> {
                if (!Feedback.NOT_SATISFIED.name().equals(t.feedback())) {
                    throw precondition(
                            "REOPEN_NEEDS_DISSATISFACTION",
                            "only a ticket whose caller was not satisfied can be reopened; close it instead",
                            t);
                }
                reopens++;
                acceptedAt = null;
                resolvedAt = null;
                onTime = null;
                feedback = Feedback.FEEDBACK_UNSPECIFIED.name();
                acceptDue = now.plus(Duration.ofHours(t.acceptLimitHours()));
                resolveDue = now.plus(Duration.ofHours(resolveHours));
            }
            default -> {}
        }
        return new TicketRow(
                t.id(),
                t.number(),
                t.requestId(),
                t.payloadHash(),
                state,
                t.region(),
                t.prefecture(),
                categoryCode,
                channel,
                hotline,
                handOff,
                agencyId,
                t.description(),
                t.address(),
                t.latitude(),
                t.longitude(),
                t.callerPhone(),
                t.source(),
                t.receivedAt(),
                t.acceptLimitHours(),
                resolveHours,
                acceptDue,
                resolveDue,
                acceptedAt,
                resolvedAt,
                onTime,
                closedAt,
                resultText,
                feedback,
                reopens,
                t.version() + 1,
                classification);
    }

    private static TicketView.Level levelFor(Caller caller, TicketRow t) {
        if (caller.isAnonymous() || caller.region().isBlank() || !caller.covers(t.region())) {
            return TicketView.Level.PUBLIC;
        }
        if (caller.hasRole(Access.OPERATOR) || caller.hasRole(Access.SUPERVISOR)) {
            return TicketView.Level.FULL;
        }
        return caller.hasRole(Access.AGENCY) && caller.organisation().equals(t.agencyId())
                ? TicketView.Level.AGENCY
                : TicketView.Level.PUBLIC;
    }

    private static ServiceException precondition(String reason, String message, TicketRow t) {
        TicketState state = TicketState.valueOf(t.state());
        return ServiceException.failedPrecondition(reason, message)
                .withMetadata(Map.of(
                        "currentState",
                        state.name(),
                        "currentVersion",
                        Long.toString(t.version()),
                        "allowedActions",
                        TicketLifecycle.allowedActions(state).stream()
                                .map(Enum::name)
                                .collect(Collectors.joining(","))));
    }

    private static ServiceException notFound(String number) {
        return ServiceException.notFound("TICKET_NOT_FOUND", "no ticket " + number);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PlatformGrpcFactory.CHINA);
    }
}
