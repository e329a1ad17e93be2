package cn.gov.qinghai.hotline.service;

import cn.gov.qinghai.hotline.data.EventRow;
import cn.gov.qinghai.hotline.data.TicketRow;
import cn.gov.qinghai.hotline.rules.Agency;
import cn.gov.qinghai.hotline.rules.CategoryCatalogue;
import cn.gov.qinghai.hotline.rules.CategoryDef;
import cn.gov.qinghai.hotline.rules.Routing;
import cn.gov.qinghai.hotline.rules.TicketLifecycle;
import cn.gov.qinghai.hotline.rules.TimeLimits;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.Feedback;
import cn.gov.qinghai.hotline.v1.HandOff;
import cn.gov.qinghai.hotline.v1.Source;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketClock;
import cn.gov.qinghai.hotline.v1.TicketEvent;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ticket row as the caller may see it, with its clock. Three levels: PUBLIC (tracking by number: no description,
 * contact, address or actors), AGENCY (the assigned agency: the phone masked), FULL (12345 operators, supervisors).
 */
@Singleton
class TicketView {

    enum Level {
        PUBLIC,
        AGENCY,
        FULL
    }

    private final CategoryCatalogue catalogue;
    private final Routing routing;
    private final TimeLimits limits;

    TicketView(CategoryCatalogue catalogue, Routing routing, TimeLimits limits) {
        this.catalogue = catalogue;
        this.routing = routing;
        this.limits = limits;
    }

    Ticket of(TicketRow t, List<EventRow> history, Level level, Instant now) {
        LocalDate received = LocalDate.ofInstant(t.receivedAt(), PlatformGrpcFactory.CHINA);
        TicketState state = TicketState.valueOf(t.state());
        Ticket.Builder b = Ticket.newBuilder()
                .setNumber(t.number())
                .setState(state)
                .setRegion(t.region())
                .setChannel(Channel.valueOf(t.channel()))
                .setHotline(t.hotline())
                .setHandOff(HandOff.valueOf(t.handOff()))
                .setSource(Source.valueOf(t.source()))
                .setReceivedAt(t.receivedAt().toString())
                .setAcceptedAt(text(t.acceptedAt()))
                .setResolvedAt(text(t.resolvedAt()))
                .setClosedAt(text(t.closedAt()))
                .setResult(t.result())
                .setFeedback(Feedback.valueOf(t.feedback()))
                .setReopenCount(t.reopenCount())
                .setVersion(t.version())
                .addAllAllowedActions(TicketLifecycle.allowedActions(state))
                .setClock(clock(t, state, received, now));
        if (t.categoryCode() != null) {
            CategoryDef c = catalogue.at(received).find(t.categoryCode());
            b.setCategoryCode(t.categoryCode());
            if (c != null) {
                b.setCategoryNameZh(c.nameZh()).setCategoryNameEn(c.nameEn());
            }
        }
        if (t.agencyId() != null) {
            b.setAgencyId(t.agencyId())
                    .setAgencyName(routing.agency(t.agencyId(), received)
                            .map(Agency::name)
                            .orElse(t.agencyId()));
        }
        if (level != Level.PUBLIC) {
            b.setDescription(t.description())
                    .setAddress(t.address())
                    .setLatitude(t.latitude())
                    .setLongitude(t.longitude())
                    .setCallerPhone(level == Level.FULL ? t.callerPhone() : mask(t.callerPhone()));
            try {
                b.setClassification(Classification.parseFrom(t.classification()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("stored classification of " + t.number() + " is unreadable", e);
            }
        }
        for (EventRow e : history) {
            b.addHistory(TicketEvent.newBuilder()
                    .setSeq(e.seq())
                    .setAction(TicketAction.valueOf(e.action()))
                    .setEvent(e.event())
                    .setFromState(TicketState.valueOf(e.fromState()))
                    .setToState(TicketState.valueOf(e.toState()))
                    .setActor(level == Level.PUBLIC ? "" : e.actor())
                    .setAt(e.at().toString())
                    .setNote(level == Level.PUBLIC && !"RESOLVE".equals(e.action()) ? "" : e.note())
                    .setAgencyId(e.agencyId()));
        }
        return b.build();
    }

    private TicketClock clock(TicketRow t, TicketState state, LocalDate received, Instant now) {
        TicketClock.Builder c = TicketClock.newBuilder()
                .setAcceptLimitHours(t.acceptLimitHours())
                .setResolveLimitHours(t.resolveLimitHours())
                .setAcceptDueAt(t.acceptDueAt().toString())
                .setResolveDueAt(t.resolveDueAt().toString())
                .setTimeLimit(limits.of(t.region(), t.categoryCode(), received)
                        .parameter()
                        .toProto());
        if (t.resolvedAt() != null || TicketLifecycle.isTerminal(state)) {
            return c.setResolvedOnTime(Boolean.TRUE.equals(t.resolvedOnTime()))
                    .setSecondsLeft(0)
                    .build();
        }
        Instant due = state == TicketState.ASSIGNED && t.acceptDueAt().isBefore(t.resolveDueAt())
                ? t.acceptDueAt()
                : t.resolveDueAt();
        long left = Duration.between(now, due).toSeconds();
        boolean overdue =
                now.isAfter(t.resolveDueAt()) || (state == TicketState.ASSIGNED && now.isAfter(t.acceptDueAt()));
        return c.setSecondsLeft(left).setOverdue(overdue).build();
    }

    /** "138****5678": enough for an agency to recognise the caller on the phone, not enough to keep. */
    static String mask(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    private static String text(Instant i) {
        return i == null ? "" : i.toString();
    }
}
