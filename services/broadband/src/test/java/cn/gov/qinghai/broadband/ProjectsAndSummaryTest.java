package cn.gov.qinghai.broadband;

import static cn.gov.qinghai.broadband.BroadbandTestSupport.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.GetReconciliationRequest;
import cn.gov.qinghai.broadband.v1.InvestmentGroup;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsResponse;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.Reconciliation;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public reads over real gRPC and the seeded PostgreSQL: projects, summary, reconciliation. */
class ProjectsAndSummaryTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = BroadbandTestSupport.SERVICE;

    @Test
    void listsAllHundredAndSeventeenProjectsInDocumentOrder() {
        ListProjectsResponse all = anonymous()
                .listProjects(ListProjectsRequest.newBuilder().setPageSize(200).build());
        assertEquals(117, all.getProjectsCount());
        assertEquals("", all.getNextPageToken());
        Project first = all.getProjects(0);
        assertEquals("宽带青海建设工程", first.getProgramme());
        assertEquals("光网推进", first.getCategory());
        assertEquals(1, first.getSeq());
        assertEquals("2017年中国电信青海分公司“宽带青海”有线接入网工程", first.getName());
        assertEquals("中国电信青海分公司", first.getOwner());
        assertEquals("300000000", first.getPlannedInvestmentYuan());
        assertEquals("3", first.getPlannedInvestmentYi());
        Project smallest = all.getProjectsList().stream()
                .filter(p -> p.getPlannedInvestmentYi().equals("0.0079"))
                .findFirst()
                .orElseThrow();
        assertEquals("790000", smallest.getPlannedInvestmentYuan(), "0.0079 亿元 = 790,000 yuan");
        Project repaired = all.getProjectsList().stream()
                .filter(p -> p.getCategory().equals("高原信息港") && p.getSeq() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("R1", "R2"), repaired.getRepairsList());
    }

    @Test
    void pagesThroughWithTokens() {
        List<Project> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListProjectsResponse page = anonymous()
                    .listProjects(ListProjectsRequest.newBuilder()
                            .setPageSize(50)
                            .setPageToken(token)
                            .build());
            seen.addAll(page.getProjectsList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());
        assertEquals(3, pages);
        assertEquals(117, seen.stream().map(Project::getId).distinct().count());
    }

    @Test
    void filtersByCategoryAndOwner() {
        assertEquals(
                16,
                anonymous()
                        .listProjects(ListProjectsRequest.newBuilder()
                                .setPageSize(200)
                                .setCategory("数字产业")
                                .build())
                        .getTotalSize());
        ListProjectsResponse mobile = anonymous()
                .listProjects(ListProjectsRequest.newBuilder()
                        .setPageSize(200)
                        .setOwner("中国移动青海公司")
                        .build());
        assertEquals(9, mobile.getProjectsCount());
        assertTrue(mobile.getProjectsList().stream().allMatch(p -> p.getOwner().equals("中国移动青海公司")));
        ListProjectsResponse both = anonymous()
                .listProjects(ListProjectsRequest.newBuilder()
                        .setOwner("中国移动青海公司")
                        .setCategory("数字产业")
                        .build());
        assertEquals(1, both.getProjectsCount());
        assertEquals("中国移动青海公司数字产业项目", both.getProjects(0).getName());
    }

    @Test
    void refusesUnknownFiltersListingEveryBadField() {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .listProjects(ListProjectsRequest.newBuilder()
                                .setCategory("光网")
                                .setProgramme("x")
                                .setPageSize(-1)
                                .setPageToken("garbage")
                                .build()));
        GrpcErrorDetails d = GrpcErrorDetails.of(e);
        assertEquals(Status.Code.INVALID_ARGUMENT, d.code());
        assertEquals(List.of("category", "programme", "pageSize", "pageToken"), d.fields());
    }

    @Test
    void summaryIsComputedFromTheRows() {
        for (String groupBy : List.of("owner", "category", "programme")) {
            var s = anonymous()
                    .getInvestmentSummary(GetInvestmentSummaryRequest.newBuilder()
                            .setGroupBy(groupBy)
                            .build());
            assertEquals("10008733000", s.getTotalPlannedYuan(), "Σ rows, not the printed 100.09 亿元");
            assertEquals("100.09", s.getPrintedTotalYi());
            assertEquals(117, s.getProjectCount());
            BigDecimal sum = s.getGroupsList().stream()
                    .map(g -> new BigDecimal(g.getPlannedInvestmentYuan()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(new BigDecimal("10008733000"), sum, groupBy);
            assertEquals(
                    117,
                    s.getGroupsList().stream()
                            .mapToInt(InvestmentGroup::getProjectCount)
                            .sum());
            assertFalse(s.getExplanation().getCaveatsList().isEmpty(), "printed total differs: caveat");
        }
        Map<String, String> byOwner = anonymous()
                .getInvestmentSummary(GetInvestmentSummaryRequest.newBuilder()
                        .setGroupBy("owner")
                        .build())
                .getGroupsList()
                .stream()
                .collect(Collectors.toMap(InvestmentGroup::getKey, InvestmentGroup::getPlannedInvestmentYuan));
        assertEquals(21, byOwner.size());
        assertEquals("2500000000", byOwner.get("中国移动青海公司"));
        assertEquals("24878000", byOwner.get("青海湖旅游集团公司"));
        Map<String, String> byProgramme = anonymous()
                .getInvestmentSummary(GetInvestmentSummaryRequest.newBuilder()
                        .setGroupBy("programme")
                        .build())
                .getGroupsList()
                .stream()
                .collect(Collectors.toMap(InvestmentGroup::getKey, InvestmentGroup::getPlannedInvestmentYuan));
        assertEquals(Map.of("宽带青海建设工程", "4802520000", "数字青海建设工程", "5206213000"), byProgramme);
    }

    @Test
    void summaryRefusesAnUnknownGrouping() {
        var d = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> anonymous()
                        .getInvestmentSummary(GetInvestmentSummaryRequest.newBuilder()
                                .setGroupBy("region")
                                .setMonth("2016-12")
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, d.code());
        assertEquals(List.of("groupBy", "month"), d.fields());
    }

    @Test
    void reconciliationListsDiscrepanciesRepairsAndUnresolvedItems() {
        Reconciliation r = anonymous().getReconciliation(GetReconciliationRequest.getDefaultInstance());
        assertEquals(23, r.getRepairsCount());
        assertEquals(7, r.getUnresolvedCount());
        assertEquals(8, r.getDiscrepanciesCount());
        assertTrue(r.getCellsAgreeAfterRepairs());
        assertEquals(117, r.getProjectCount());
        assertEquals(117, r.getPromisedProjectCount());
        assertEquals("100", r.getPromisedInvestmentYi());
        assertEquals("10008733000", r.getTotalPlannedYuan());
        assertTrue(r.getDiscrepanciesList().stream().noneMatch(d -> d.getKind().equals("MISMATCH")));
        var city = r.getDiscrepanciesList().stream()
                .filter(d -> d.getOwner().equals("全省") && d.getColumn().equals("数字城镇"))
                .findFirst()
                .orElseThrow();
        assertEquals("3.202", city.getPrintedYi());
        assertEquals("3.20198", city.getRowsSumYi());
        assertEquals(List.of("U1"), city.getUnresolvedList());
        assertFalse(r.getRepairs(0).getEvidence().isBlank());
    }
}
