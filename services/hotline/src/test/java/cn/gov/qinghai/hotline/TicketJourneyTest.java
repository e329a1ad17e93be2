package cn.gov.qinghai.hotline;

import static cn.gov.qinghai.hotline.HotlineTestSupport.agency;
import static cn.gov.qinghai.hotline.HotlineTestSupport.anonymous;
import static cn.gov.qinghai.hotline.HotlineTestSupport.operator;
import static cn.gov.qinghai.hotline.HotlineTestSupport.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Feedback;
import cn.gov.qinghai.hotline.v1.GetSupervisionReportRequest;
import cn.gov.qinghai.hotline.v1.GetTicketRequest;
import cn.gov.qinghai.hotline.v1.HandOff;
import cn.gov.qinghai.hotline.v1.HotlineServiceGrpc;
import cn.gov.qinghai.hotline.v1.ListOverdueTicketsRequest;
import cn.gov.qinghai.hotline.v1.ListTicketsRequest;
import cn.gov.qinghai.hotline.v1.SampleClosedTicketsRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketRequest;
import cn.gov.qinghai.hotline.v1.SubmitTicketResponse;
import cn.gov.qinghai.hotline.v1.SupervisionReport;
import cn.gov.qinghai.hotline.v1.Ticket;
import cn.gov.qinghai.hotline.v1.TicketAction;
import cn.gov.qinghai.hotline.v1.TicketState;
import cn.gov.qinghai.hotline.v1.TransitionTicketRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.MutableClock;
import cn.gov.qinghai.kit.testing.RunningService;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tickets on the real service (gRPC + PostgreSQL): intake, routing, every step of 三(三) with history, optimistic
 * locking, idempotency, scope, the clock and overdue list, sampling and the quarterly report.
 */
class TicketJourneyTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HotlineTestSupport.SERVICE;

    static final String XINING_LABOUR = "630100-human-resources";

    @BeforeEach
    void july() {
        MutableClock.set("2017-07-10T09:00:00");
    }

    static SubmitTicketRequest.Builder matter(String description, String region) {
        return SubmitTicketRequest.newBuilder()
                .setRequestId("t-" + UUID.randomUUID())
                .setDescription(description)
                .setRegion(region)
                .setCallerPhone("13800005678");
    }

    static Ticket step(
            HotlineServiceGrpc.HotlineServiceBlockingStub as,
            Ticket t,
            TicketAction action,
            TransitionTicketRequest.Builder more) {
        return as.transitionTicket(more.setNumber(t.getNumber())
                .setAction(action)
                .setExpectedVersion(t.getVersion())
                .setRequestId("s-" + UUID.randomUUID())
                .build());
    }

    static Ticket step(HotlineServiceGrpc.HotlineServiceBlockingStub as, Ticket t, TicketAction action) {
        return step(as, t, action, TransitionTicketRequest.newBuilder());
    }

    @Test
    void fullJourneyWithHistoryAndFeedback() {
        SubmitTicketResponse in =
                anonymous().submitTicket(matter("老板拖欠工资三个月", "630102").build());
        Ticket t = in.getTicket();
        assertEquals(Channel.HOTLINE_TICKET, in.getClassification().getChannel());
        assertEquals(HandOff.DIRECT_TRANSFER, in.getClassification().getHandOff());
        assertEquals(TicketState.ASSIGNED, t.getState());
        assertEquals(XINING_LABOUR, t.getAgencyId());
        assertEquals("西宁市人力资源和社会保障局", t.getAgencyName());
        assertEquals("", t.getDescription(), "the public view hides the description");
        assertEquals("", t.getCallerPhone());
        assertEquals(12, t.getClock().getAcceptLimitHours(), "Xining's local accept limit");
        assertEquals(120, t.getClock().getResolveLimitHours());
        assertEquals(12 * 3600, t.getClock().getSecondsLeft());
        assertEquals("hotline.time_limits", t.getClock().getTimeLimit().getId());

        var clerk = agency(XINING_LABOUR);
        Ticket seen = clerk.getTicket(
                GetTicketRequest.newBuilder().setNumber(t.getNumber()).build());
        assertEquals("138****5678", seen.getCallerPhone(), "the agency sees the phone masked");
        assertEquals("老板拖欠工资三个月", seen.getDescription());

        t = step(clerk, seen, TicketAction.ACCEPT);
        t = step(clerk, t, TicketAction.START);
        MutableClock.set("2017-07-11T09:00:00");
        t = step(
                clerk,
                t,
                TicketAction.RESOLVE,
                TransitionTicketRequest.newBuilder().setResult("已责令企业补发工资"));
        assertTrue(t.getClock().getResolvedOnTime());
        var op = operator("630100");
        t = step(
                op,
                t,
                TicketAction.RECORD_FEEDBACK,
                TransitionTicketRequest.newBuilder().setFeedback(Feedback.NOT_SATISFIED));
        t = step(
                op, t, TicketAction.REOPEN, TransitionTicketRequest.newBuilder().setReason("只补发了一个月"));
        assertEquals(TicketState.ASSIGNED, t.getState());
        assertEquals(1, t.getReopenCount());
        t = step(clerk, t, TicketAction.ACCEPT);
        t = step(clerk, t, TicketAction.START);
        t = step(
                clerk,
                t,
                TicketAction.RESOLVE,
                TransitionTicketRequest.newBuilder().setResult("三个月工资已补发"));
        t = step(
                op,
                t,
                TicketAction.RECORD_FEEDBACK,
                TransitionTicketRequest.newBuilder().setFeedback(Feedback.SATISFIED));
        t = step(op, t, TicketAction.CLOSE);
        assertEquals(TicketState.CLOSED, t.getState());
        assertEquals(List.of(), t.getAllowedActionsList());
        List<String> events = t.getHistoryList().stream().map(e -> e.getEvent()).toList();
        assertEquals(
                List.of(
                        "RECEIVED",
                        "ROUTED",
                        "ACCEPT",
                        "START",
                        "RESOLVE",
                        "RECORD_FEEDBACK",
                        "REOPEN",
                        "ACCEPT",
                        "START",
                        "RESOLVE",
                        "RECORD_FEEDBACK",
                        "CLOSE"),
                events);
        assertEquals("operator-630100", t.getHistory(11).getActor());
        assertEquals("clerk-" + XINING_LABOUR, t.getHistory(2).getActor());

        Ticket publicView = anonymous()
                .getTicket(
                        GetTicketRequest.newBuilder().setNumber(t.getNumber()).build());
        assertEquals("三个月工资已补发", publicView.getResult());
        assertTrue(
                publicView.getHistoryList().stream().allMatch(e -> e.getActor().isEmpty()), "no actors publicly");

        final Ticket closed = t;
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> step(
                        op,
                        closed,
                        TicketAction.REOPEN,
                        TransitionTicketRequest.newBuilder().setReason("x"))));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.code());
        assertEquals("TICKET_CLOSED", e.reason());
    }

    @Test
    void emergencyAnswersCall110AndMakesNoTicket() {
        SubmitTicketResponse r =
                anonymous().submitTicket(matter("楼道里燃气泄漏味道很大", "630100").build());
        assertTrue(r.getClassification().getCall110Now());
        assertEquals(Channel.JOINT_DISPATCH, r.getClassification().getChannel());
        assertFalse(r.hasTicket());
    }

    @Test
    void unplacedMatterWaitsForAPersonThenIsClassified() {
        Ticket t =
                anonymous().submitTicket(matter("我有一件事想反映一下", "630200").build()).getTicket();
        assertEquals(TicketState.PENDING_CLASSIFICATION, t.getState());
        assertEquals("", t.getAgencyId());
        var op = operator("630200");
        GrpcErrorDetails missing = GrpcErrorDetails.of(
                assertThrows(StatusRuntimeException.class, () -> step(op, t, TicketAction.CLASSIFY)));
        assertEquals(List.of("categoryCode"), missing.fields());
        Ticket classified = step(
                op,
                t,
                TicketAction.CLASSIFY,
                TransitionTicketRequest.newBuilder().setCategoryCode("DISPUTE_HOMESTEAD"));
        assertEquals(TicketState.ASSIGNED, classified.getState());
        assertEquals("630200-land-resources", classified.getAgencyId());
    }

    @Test
    void returnedTicketIsReassignedAndTheReturningAgencyNoLongerSeesIt() {
        Ticket t = anonymous()
                .submitTicket(matter("和邻居因为停车位起争执", "630100").build())
                .getTicket();
        var justice = agency("630100-justice");
        t = step(
                justice,
                t,
                TicketAction.RETURN,
                TransitionTicketRequest.newBuilder().setReason("属物业管理"));
        assertEquals(TicketState.RETURNED, t.getState());
        Ticket returned = t;
        assertEquals(
                Status.Code.NOT_FOUND,
                assertThrows(StatusRuntimeException.class, () -> step(justice, returned, TicketAction.ACCEPT))
                        .getStatus()
                        .getCode());
        t = step(
                operator("630100"),
                t,
                TicketAction.REASSIGN,
                TransitionTicketRequest.newBuilder().setAgencyId("630100-housing"));
        assertEquals("630100-housing", t.getAgencyId());
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> operator("630100")
                        .transitionTicket(TransitionTicketRequest.newBuilder()
                                .setNumber(returned.getNumber())
                                .setAction(TicketAction.REASSIGN)
                                .setExpectedVersion(returned.getVersion() + 1)
                                .setRequestId("r-" + UUID.randomUUID())
                                .setAgencyId("630100-housing")
                                .build())));
        assertEquals("ILLEGAL_TRANSITION", bad.reason());
    }

    @Test
    void illegalStepNamesTheCurrentStateAndStaleVersionConflicts() {
        Ticket t =
                anonymous().submitTicket(matter("小区里有人违章建筑", "630100").build()).getTicket();
        var clerk = agency("630100-urban-management");
        StatusRuntimeException illegal = assertThrows(
                StatusRuntimeException.class,
                () -> step(
                        clerk,
                        t,
                        TicketAction.RESOLVE,
                        TransitionTicketRequest.newBuilder().setResult("done")));
        assertEquals(Status.Code.FAILED_PRECONDITION, illegal.getStatus().getCode());
        assertEquals("ILLEGAL_TRANSITION", GrpcErrorDetails.of(illegal).reason());
        assertEquals("ASSIGNED", metadata(illegal, "currentState"));
        Ticket accepted = step(clerk, t, TicketAction.ACCEPT);
        StatusRuntimeException stale =
                assertThrows(StatusRuntimeException.class, () -> step(clerk, t, TicketAction.START));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
        assertEquals("VERSION_CONFLICT", GrpcErrorDetails.of(stale).reason());
        assertEquals(Long.toString(accepted.getVersion()), metadata(stale, "currentVersion"));
    }

    @Test
    void retriesNeverDuplicate() {
        SubmitTicketRequest r = matter("我们小区今天停水了", "630100").build();
        SubmitTicketResponse first = anonymous().submitTicket(r);
        SubmitTicketResponse again = anonymous().submitTicket(r);
        assertTrue(again.getReplayed());
        assertEquals(first.getTicket().getNumber(), again.getTicket().getNumber());
        GrpcErrorDetails reused = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .submitTicket(r.toBuilder().setDescription("别的事").build())));
        assertEquals("REQUEST_ID_REUSED", reused.reason());

        var clerk = agency("630100-housing");
        TransitionTicketRequest accept = TransitionTicketRequest.newBuilder()
                .setNumber(first.getTicket().getNumber())
                .setAction(TicketAction.ACCEPT)
                .setExpectedVersion(first.getTicket().getVersion())
                .setRequestId("accept-" + UUID.randomUUID())
                .build();
        Ticket once = clerk.transitionTicket(accept);
        Ticket twice = clerk.transitionTicket(accept);
        assertEquals(once.getVersion(), twice.getVersion());
        assertEquals(once.getHistoryCount(), twice.getHistoryCount());

        SubmitTicketRequest emergency = matter("有人持刀抢劫", "630100").build();
        assertTrue(anonymous().submitTicket(emergency).getClassification().getCall110Now());
        assertTrue(anonymous().submitTicket(emergency).getReplayed());
    }

    /**
     * A call entered after the fact (a paper log, the demonstration data) is received, numbered and timed on its own
     * day; only an operator may date it (a public caller's matter is received when it is sent), not in the
     * future nor before 96号.
     */
    @Test
    void aCallEnteredAfterTheFactCarriesTheDayItWasReceived() {
        Ticket t = operator("630100")
                .submitTicket(matter("老板拖欠工资三个月", "630102")
                        .setSource(cn.gov.qinghai.hotline.v1.Source.PHONE_12345)
                        .setReceivedOn("2017-06-20")
                        .build())
                .getTicket();
        assertTrue(t.getNumber().startsWith("20170620-"), t.getNumber());
        assertTrue(t.getReceivedAt().startsWith("2017-06-20"), t.getReceivedAt());
        assertEquals(XINING_LABOUR, t.getAgencyId());
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> anonymous()
                                        .submitTicket(matter("老板拖欠工资三个月", "630102")
                                                .setReceivedOn("2017-06-20")
                                                .build()))
                        .getStatus()
                        .getCode());
        for (String day : List.of("2017-06-04", "2017-07-11", "June")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> operator("630100")
                            .submitTicket(matter("老板拖欠工资三个月", "630102")
                                    .setSource(cn.gov.qinghai.hotline.v1.Source.PHONE_12345)
                                    .setReceivedOn(day)
                                    .build())));
            assertEquals(List.of("receivedOn"), e.fields(), day);
        }
    }

    /**
     * The agency's steps of a call entered after the fact carry their own days too (actedOn): history, accepted and
     * resolved times and resolved-on-time are those of that day; not in the future, not before the ticket was
     * received nor before its previous step, every invalid field at once.
     */
    @Test
    void aStepEnteredAfterTheFactCarriesTheDayItWasTaken() {
        Ticket t = operator("630100")
                .submitTicket(matter("老板拖欠工资三个月", "630102")
                        .setSource(cn.gov.qinghai.hotline.v1.Source.PHONE_12345)
                        .setReceivedOn("2017-06-20")
                        .build())
                .getTicket();
        var clerk = agency(XINING_LABOUR);
        Ticket received = t;
        for (String day : List.of("2017-06-19", "2017-07-11", "June")) {
            GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> step(
                            clerk,
                            received,
                            TicketAction.ACCEPT,
                            TransitionTicketRequest.newBuilder().setActedOn(day))));
            assertEquals(List.of("actedOn"), e.fields(), day);
        }
        GrpcErrorDetails both = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> clerk.transitionTicket(TransitionTicketRequest.newBuilder()
                        .setNumber(received.getNumber())
                        .setAction(TicketAction.ACCEPT)
                        .setRequestId("s-" + UUID.randomUUID())
                        .setActedOn("2017-07-11")
                        .build())));
        assertEquals(List.of("actedOn", "expectedVersion"), both.fields());

        t = step(
                clerk,
                t,
                TicketAction.ACCEPT,
                TransitionTicketRequest.newBuilder().setActedOn("2017-06-21"));
        assertTrue(t.getAcceptedAt().startsWith("2017-06-21"), t.getAcceptedAt());
        Ticket accepted = t;
        GrpcErrorDetails early = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> step(
                        clerk,
                        accepted,
                        TicketAction.START,
                        TransitionTicketRequest.newBuilder().setActedOn("2017-06-20"))));
        assertEquals(List.of("actedOn"), early.fields(), "before the previous step");
        t = step(
                clerk,
                t,
                TicketAction.START,
                TransitionTicketRequest.newBuilder().setActedOn("2017-06-21"));
        // resolved within 120 hours of 2017-06-20: on time, though today (07-10) it would be late
        t = step(
                clerk,
                t,
                TicketAction.RESOLVE,
                TransitionTicketRequest.newBuilder().setResult("已责令企业补发工资").setActedOn("2017-06-23"));
        assertTrue(t.getResolvedAt().startsWith("2017-06-23"), t.getResolvedAt());
        assertTrue(t.getClock().getResolvedOnTime());
        List<String> days = t.getHistoryList().stream()
                .filter(h -> h.getAction() != TicketAction.TICKET_ACTION_UNSPECIFIED)
                .map(h -> h.getAt().substring(0, 10))
                .toList();
        assertEquals(List.of("2017-06-21", "2017-06-21", "2017-06-23"), days);
    }

    @Test
    void everyInvalidFieldAtOnceAndUnknownCategoryNamesTheAllowedOnes() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .submitTicket(SubmitTicketRequest.newBuilder()
                                .setRequestId("bad id!")
                                .setRegion("110000")
                                .setCategoryCode("NOPE")
                                .setLatitude("95")
                                .setCallerPhone("abc")
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(
                List.of("requestId", "description", "categoryCode", "region", "longitude", "latitude", "callerPhone"),
                e.fields());
        StatusRuntimeException unknown = assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .submitTicket(
                                matter("x", "630100").setCategoryCode("NOPE").build()));
        assertTrue(unknown.getStatus().getDescription().contains("DISPUTE_NEIGHBOUR"), "allowed values named");
    }

    @Test
    void agenciesSeeOnlyTheirTicketsAndRegionsTheirRegion() {
        Ticket xining =
                anonymous().submitTicket(matter("买到假货要求退款", "630100").build()).getTicket();
        Ticket haidong =
                anonymous().submitTicket(matter("买到假货要求退款", "630200").build()).getTicket();
        var market = agency("630100-market-regulation");
        List<String> seen =
                market
                        .listTickets(ListTicketsRequest.newBuilder()
                                .setPageSize(1000)
                                .build())
                        .getTicketsList()
                        .stream()
                        .map(Ticket::getNumber)
                        .toList();
        assertTrue(seen.contains(xining.getNumber()));
        assertFalse(seen.contains(haidong.getNumber()));
        assertTrue(market.listTickets(ListTicketsRequest.getDefaultInstance()).getTicketsList().stream()
                .allMatch(x -> x.getAgencyId().equals("630100-market-regulation")));
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> operator("630100")
                                        .listTickets(ListTicketsRequest.newBuilder()
                                                .setRegion("630200")
                                                .build()))
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.NOT_FOUND,
                assertThrows(StatusRuntimeException.class, () -> step(operator("630100"), haidong, TicketAction.CLOSE))
                        .getStatus()
                        .getCode());
        GrpcErrorDetails noRegion = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> HotlineTestSupport.as(RunningService.as("x", "", HotlineTestSupport.OPERATOR))
                        .listTickets(ListTicketsRequest.getDefaultInstance())));
        assertEquals("REGION_CLAIM_MISSING", noRegion.reason());
        GrpcErrorDetails noOrg = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> HotlineTestSupport.as(RunningService.as("x", "630100", HotlineTestSupport.AGENCY))
                        .listTickets(ListTicketsRequest.getDefaultInstance())));
        assertEquals("AGENCY_CLAIM_MISSING", noOrg.reason());
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> anonymous().listTickets(ListTicketsRequest.getDefaultInstance()))
                        .getStatus()
                        .getCode());
    }

    @Test
    void lockedOutCallerIsOverdueAfterFourHours() {
        MutableClock.set("2017-07-20T08:00:00");
        Ticket t = anonymous()
                .submitTicket(matter("我把自己锁在门外了需要开锁", "632800").build())
                .getTicket();
        assertEquals(4, t.getClock().getResolveLimitHours());
        assertFalse(t.getClock().getOverdue());
        MutableClock.set("2017-07-20T12:00:01");
        Ticket later = operator("632800")
                .getTicket(
                        GetTicketRequest.newBuilder().setNumber(t.getNumber()).build());
        assertTrue(later.getClock().getOverdue());
        assertEquals(-1, later.getClock().getSecondsLeft());
        List<String> overdue =
                supervisor("632800")
                        .listOverdueTickets(ListOverdueTicketsRequest.getDefaultInstance())
                        .getTicketsList()
                        .stream()
                        .map(Ticket::getNumber)
                        .toList();
        assertTrue(overdue.contains(t.getNumber()));
    }

    @Test
    void samplingAndQuarterlyReport() {
        MutableClock.set("2017-10-09T10:00:00");
        var clerk = agency("632500-justice");
        var op = operator("632500");
        for (int i = 0; i < 3; i++) {
            Ticket t = anonymous()
                    .submitTicket(matter("朋友欠款两年不还", "632500").build())
                    .getTicket();
            t = step(clerk, t, TicketAction.ACCEPT);
            t = step(clerk, t, TicketAction.START);
            t = step(
                    clerk,
                    t,
                    TicketAction.RESOLVE,
                    TransitionTicketRequest.newBuilder().setResult("调解成功"));
            t = step(
                    op,
                    t,
                    TicketAction.RECORD_FEEDBACK,
                    TransitionTicketRequest.newBuilder()
                            .setFeedback(i == 0 ? Feedback.NOT_SATISFIED : Feedback.SATISFIED));
            step(op, t, TicketAction.CLOSE);
        }
        anonymous().submitTicket(matter("有人持刀抢劫", "632500").build());
        var sup = supervisor("632500");
        SupervisionReport q = sup.getSupervisionReport(
                GetSupervisionReportRequest.newBuilder().setPeriod("2017-Q4").build());
        assertEquals("2017-10-01", q.getFrom());
        assertEquals("2017-12-31", q.getTo());
        var justice = q.getAgenciesList().stream()
                .filter(a -> a.getAgencyId().equals("632500-justice"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, justice.getReceived());
        assertEquals("1.0000", justice.getOnTimeRate());
        assertEquals("0.6667", justice.getSatisfactionRate());
        assertEquals("0.0000", justice.getReopenRate());
        assertTrue(q.getVolumesList().stream()
                .anyMatch(v -> v.getChannel() == Channel.POLICE_110
                        && v.getCategoryCode().equals("CRIMINAL_CASE")
                        && v.getCount() == 1));
        String csv = sup.getSupervisionReportCsv(GetSupervisionReportRequest.newBuilder()
                        .setPeriod("2017-Q4")
                        .build())
                .getContent();
        assertTrue(csv.contains("632500,632500-justice,海南州司法局,3,3,3,1.0000,3,2,0.6667,0,0.0000,3,0"), csv);

        var sample = sup.sampleClosedTickets(SampleClosedTicketsRequest.newBuilder()
                .setFrom("2017-10-01")
                .setTo("2017-10-31")
                .setSize(2)
                .setSeed("audit-1")
                .build());
        assertEquals(3, sample.getPopulation());
        assertEquals(2, sample.getTicketsCount());
        var again = sup.sampleClosedTickets(SampleClosedTicketsRequest.newBuilder()
                .setFrom("2017-10-01")
                .setTo("2017-10-31")
                .setSize(2)
                .setSeed("audit-1")
                .build());
        assertEquals(
                sample.getTicketsList().stream().map(Ticket::getNumber).toList(),
                again.getTicketsList().stream().map(Ticket::getNumber).toList());
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> sup.getSupervisionReport(GetSupervisionReportRequest.newBuilder()
                                        .setPeriod("2017-Q4")
                                        .setRegion("630000")
                                        .build()))
                        .getStatus()
                        .getCode());
        GrpcErrorDetails badPeriod = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> sup.getSupervisionReport(GetSupervisionReportRequest.newBuilder()
                        .setPeriod("2017-Q5")
                        .build())));
        assertEquals(List.of("period"), badPeriod.fields());
    }

    static String metadata(StatusRuntimeException e, String key) {
        com.google.rpc.Status s = StatusProto.fromThrowable(e);
        for (var any : s.getDetailsList()) {
            if (any.is(com.google.rpc.ErrorInfo.class)) {
                try {
                    return any.unpack(com.google.rpc.ErrorInfo.class)
                            .getMetadataMap()
                            .get(key);
                } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                    throw new IllegalStateException(x);
                }
            }
        }
        return null;
    }
}
