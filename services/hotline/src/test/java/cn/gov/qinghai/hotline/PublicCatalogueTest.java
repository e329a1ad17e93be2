package cn.gov.qinghai.hotline;

import static cn.gov.qinghai.hotline.HotlineTestSupport.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.ClassifyMatterRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesRequest;
import cn.gov.qinghai.hotline.v1.ListCategoriesResponse;
import cn.gov.qinghai.hotline.v1.ListRolloutRequest;
import cn.gov.qinghai.hotline.v1.ListRolloutResponse;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.hotline.v1.RolloutStatus;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.MutableClock;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public side over real gRPC: catalogue, classification, roll-out; and the history table refuses edits. */
class PublicCatalogueTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = HotlineTestSupport.SERVICE;

    @Test
    void catalogueListsEveryCategoryWithItsPrincipleAndDecision() {
        ListCategoriesResponse r = anonymous()
                .listCategories(
                        ListCategoriesRequest.newBuilder().setDate("2017-07-01").build());
        assertEquals(27, r.getCategoriesCount());
        assertEquals(
                7,
                r.getCategoriesList().stream()
                        .filter(c -> c.getPrinciple() == Principle.EMERGENCY)
                        .count());
        assertEquals(
                5,
                r.getCategoriesList().stream()
                        .filter(c -> c.getPrinciple() == Principle.JOINT)
                        .count());
        assertEquals(
                15,
                r.getCategoriesList().stream()
                        .filter(c -> c.getPrinciple() == Principle.DIVERSION)
                        .count());
        assertEquals("2017-06-05", r.getCatalogue().getEffectiveFrom());
        assertTrue(r.getDecisions(0).contains("联合处置"));
        GrpcErrorDetails before = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .listCategories(ListCategoriesRequest.newBuilder()
                                .setDate("2017-06-04")
                                .build())));
        assertEquals(List.of("date"), before.fields());
    }

    @Test
    void classifyExplainsAndRefusesBadInputAllAtOnce() {
        Classification c = anonymous()
                .classifyMatter(ClassifyMatterRequest.newBuilder()
                        .setDescription("老板拖欠工资")
                        .setRegion("632200")
                        .setDate("2017-07-01")
                        .build());
        assertEquals(Channel.HOTLINE_TICKET, c.getChannel());
        assertEquals(3, c.getExplanation().getStepsCount());
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .classifyMatter(ClassifyMatterRequest.newBuilder()
                                .setRegion("99")
                                .setDate("2017-13-01")
                                .setCategoryCode("X")
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("date", "region", "categoryCode"), e.fields());
        GrpcErrorDetails early = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .classifyMatter(ClassifyMatterRequest.newBuilder()
                                .setRegion("630100")
                                .setDate("2017-06-04")
                                .setDescription("老板拖欠工资")
                                .build())));
        assertEquals(List.of("date"), early.fields(), "before 96号: a field error, never a failure");
    }

    @Test
    void rolloutShowsTheNineRegionsAndTheDeadline() {
        ListRolloutResponse r = anonymous()
                .listRollout(
                        ListRolloutRequest.newBuilder().setDate("2017-09-01").build());
        assertEquals(10, r.getRegionsCount());
        assertEquals(
                3,
                r.getRegionsList().stream().filter(x -> x.getDeadlinePassed()).count());
        assertEquals(
                2,
                r.getRegionsList().stream()
                        .filter(x -> x.getStatus() == RolloutStatus.OPERATING_24H)
                        .count());
        assertTrue(r.getDecisions(0).contains("2017-08-31"));
    }

    @Test
    void historyIsAppendOnly() throws SQLException {
        MutableClock.set("2017-07-10T09:00:00");
        anonymous().submitTicket(TicketJourneyTest.matter("我们小区今天停水了", "630100").build());
        var db = SERVICE.service().database();
        var props = db.micronautProperties();
        try (Connection c = DriverManager.getConnection(
                (String) props.get("datasources.default.url"),
                (String) props.get("datasources.default.username"),
                (String) props.get("datasources.default.password"))) {
            SQLException e = assertThrows(
                    SQLException.class, () -> c.createStatement().executeUpdate("DELETE FROM ticket_event"));
            assertTrue(e.getMessage().contains("append-only"));
        }
    }
}
