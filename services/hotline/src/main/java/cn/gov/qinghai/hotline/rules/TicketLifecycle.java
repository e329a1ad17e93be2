package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states and steps of a ticket (青政办〔2017〕96号 三(三): 有人接 — ASSIGNED/ACCEPTED, 有人管 — IN_PROGRESS,
 * 有渠道 — RESOLVED, 有反馈 — FEEDBACK_RECORDED, then CLOSED; REOPEN on dissatisfaction). Which role may take a step
 * is decided in the service; this class only knows which step leads where.
 */
public final class TicketLifecycle {

    /** Who takes a step. */
    public enum Actor {
        OPERATOR,
        AGENCY
    }

    /** A step: from which states, to which state, by whom. */
    public record Step(TicketAction action, List<TicketState> from, TicketState to, Actor actor) {}

    private static final Map<TicketAction, Step> STEPS = new EnumMap<>(TicketAction.class);

    static {
        add(TicketAction.CLASSIFY, List.of(TicketState.PENDING_CLASSIFICATION), TicketState.ASSIGNED, Actor.OPERATOR);
        add(TicketAction.ACCEPT, List.of(TicketState.ASSIGNED), TicketState.ACCEPTED, Actor.AGENCY);
        add(
                TicketAction.RETURN,
                List.of(TicketState.ASSIGNED, TicketState.ACCEPTED),
                TicketState.RETURNED,
                Actor.AGENCY);
        add(TicketAction.REASSIGN, List.of(TicketState.RETURNED), TicketState.ASSIGNED, Actor.OPERATOR);
        add(TicketAction.START, List.of(TicketState.ACCEPTED), TicketState.IN_PROGRESS, Actor.AGENCY);
        add(TicketAction.RESOLVE, List.of(TicketState.IN_PROGRESS), TicketState.RESOLVED, Actor.AGENCY);
        add(TicketAction.RECORD_FEEDBACK, List.of(TicketState.RESOLVED), TicketState.FEEDBACK_RECORDED, Actor.OPERATOR);
        add(TicketAction.CLOSE, List.of(TicketState.FEEDBACK_RECORDED), TicketState.CLOSED, Actor.OPERATOR);
        add(TicketAction.REOPEN, List.of(TicketState.FEEDBACK_RECORDED), TicketState.ASSIGNED, Actor.OPERATOR);
    }

    private TicketLifecycle() {}

    private static void add(TicketAction a, List<TicketState> from, TicketState to, Actor actor) {
        STEPS.put(a, new Step(a, from, to, actor));
    }

    public static Step step(TicketAction action) {
        return STEPS.get(action);
    }

    /** The step if {@code action} is allowed in {@code state}. */
    public static Optional<Step> allowed(TicketState state, TicketAction action) {
        Step s = STEPS.get(action);
        return s != null && s.from().contains(state) ? Optional.of(s) : Optional.empty();
    }

    /** Every action allowed in {@code state}, in enum order. CLOSED and HANDED_TO_110 allow none. */
    public static List<TicketAction> allowedActions(TicketState state) {
        return STEPS.values().stream()
                .filter(s -> s.from().contains(state))
                .map(Step::action)
                .toList();
    }

    /** Terminal states: nothing can change any more. */
    public static boolean isTerminal(TicketState state) {
        return state == TicketState.CLOSED || state == TicketState.HANDED_TO_110;
    }
}
