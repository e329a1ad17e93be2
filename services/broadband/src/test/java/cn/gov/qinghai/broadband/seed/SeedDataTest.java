package cn.gov.qinghai.broadband.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.rules.AttachmentReconciliation;
import cn.gov.qinghai.broadband.v1.Discrepancy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Internal consistency of the seed of 青政办〔2017〕93号 (附件1–4). Expected counts and sums are those printed in the
 * document (附件3 全省 row, 附件2 合计, 实施方案 一(一)); sums are recomputed from the 117 rows, so a wrong, lost or
 * duplicated row fails here.
 */
class SeedDataTest {

    private static final SeedData SEED = SeedData.fromClasspath();
    /** 附件3's spelling of one owner (seed U3); the service reads the same alias from its parameter file. */
    private static final Map<String, String> ALIASES = Map.of("省食品药品监管局", "省食品药品监督管理局");

    private static List<ProjectRow> rows() {
        return SEED.projects().stream()
                .map(p -> new ProjectRow(
                        p.id(),
                        p.programme(),
                        p.category(),
                        p.seq(),
                        p.name(),
                        p.owner(),
                        p.plannedYi(),
                        p.plannedYuan(),
                        p.repairs()))
                .toList();
    }

    private static BigDecimal sumYi(java.util.function.Predicate<SeedProject> filter) {
        return SEED.projects().stream()
                .filter(filter)
                .map(p -> new BigDecimal(p.plannedYi()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void hasTheHundredAndSeventeenProjectsOfTheTenCategories() {
        assertEquals(117, SEED.projects().size(), "实施方案 一(一): 共计117个项目");
        assertEquals(10, SEED.categories().size(), "十大类");
        assertEquals(List.of("宽带青海建设工程", "数字青海建设工程"), SEED.programmes());
        Map<String, Long> perCategory = SEED.projects().stream()
                .collect(Collectors.groupingBy(SeedProject::category, LinkedHashMap::new, Collectors.counting()));
        assertEquals(
                Map.of(
                        "光网推进", 7L, "无线宽带推进", 7L, "畅通安全网络", 12L, "高原信息港", 3L, "农牧区信息化", 4L, "数字生态", 10L, "数字政务", 28L,
                        "数字民生", 22L, "数字产业", 16L, "数字城镇", 8L),
                perCategory);
        assertEquals(
                List.of("光网推进", "无线宽带推进", "畅通安全网络", "高原信息港", "农牧区信息化", "数字生态", "数字政务", "数字民生", "数字产业", "数字城镇"),
                SEED.categories(),
                "document order");
    }

    @Test
    void sequencesRunOneToNWithoutGapsInEveryCategory() {
        Map<String, List<Integer>> seqs = SEED.projects().stream()
                .collect(Collectors.groupingBy(
                        SeedProject::category, Collectors.mapping(SeedProject::seq, Collectors.toList())));
        seqs.forEach((category, list) -> {
            for (int i = 0; i < list.size(); i++) {
                assertEquals(i + 1, list.get(i), category + " seq at position " + i);
            }
        });
    }

    @Test
    void everyCategoryBelongsToOneProgramme() {
        Map<String, Set<String>> programmes = SEED.projects().stream()
                .collect(Collectors.groupingBy(
                        SeedProject::category, Collectors.mapping(SeedProject::programme, Collectors.toSet())));
        programmes.forEach((c, p) -> assertEquals(1, p.size(), c + " is in " + p));
        assertEquals(
                Set.of("光网推进", "无线宽带推进", "畅通安全网络", "高原信息港", "农牧区信息化"),
                SEED.programmeOf().entrySet().stream()
                        .filter(e -> e.getValue().equals("宽带青海建设工程"))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()));
    }

    @Test
    void yuanIsTheExactConversionOfThePrintedYi() {
        for (SeedProject p : SEED.projects()) {
            assertEquals(0, new BigDecimal(p.plannedYi()).movePointRight(8).compareTo(p.plannedYuan()), p.name());
            assertTrue(p.plannedYuan().signum() > 0, p.name() + " has an amount");
            assertEquals(0, p.plannedYuan().stripTrailingZeros().scale() <= 0 ? 0 : 1, p.name() + " is whole yuan");
        }
        SeedProject first = SEED.projects().get(0);
        assertEquals(new BigDecimal("300000000"), first.plannedYuan());
        assertEquals(
                new BigDecimal("10008733000"),
                SEED.projects().stream().map(SeedProject::plannedYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
                "Σ 117 rows = 100.08733 亿元 (printed 100.09, U2)");
    }

    @Test
    void categorySumsEqualTheProvinceRowOfAttachment3() {
        Map<String, String> provinceRow = SEED.summary().stream()
                .filter(c -> c.owner().equals(SeedData.PROVINCE_ROW))
                .collect(Collectors.toMap(SummaryCell::column, SummaryCell::printedYi));
        for (String category : SEED.categories()) {
            BigDecimal sum = sumYi(p -> p.category().equals(category));
            BigDecimal printed = new BigDecimal(provinceRow.get(category));
            if (category.equals("数字城镇")) {
                // U1: printed 3.202 is the exact 3.20198 rounded to three decimals.
                assertEquals(new BigDecimal("3.20198"), sum);
                assertEquals(0, sum.setScale(3, java.math.RoundingMode.HALF_UP).compareTo(printed));
            } else {
                assertEquals(0, sum.compareTo(printed), category + ": rows " + sum + " vs 附件3 " + printed);
            }
        }
        assertEquals(
                0,
                sumYi(p -> p.programme().equals("宽带青海建设工程"))
                        .compareTo(new BigDecimal(provinceRow.get(SeedData.BROADBAND_SUBTOTAL))));
        assertEquals(
                0,
                sumYi(p -> p.programme().equals("数字青海建设工程"))
                        .compareTo(new BigDecimal(provinceRow.get(SeedData.DIGITAL_SUBTOTAL))));
        assertEquals("100.09", provinceRow.get(SeedData.TOTAL));
    }

    @Test
    void ownerSumsEqualTheOwnerTotalsOfAttachment3() {
        Map<String, String> totals = SEED.summary().stream()
                .filter(c -> c.column().equals(SeedData.TOTAL) && !c.owner().equals(SeedData.PROVINCE_ROW))
                .collect(Collectors.toMap(SummaryCell::owner, SummaryCell::printedYi));
        assertEquals(21, totals.size());
        Set<String> owners = SEED.projects().stream().map(SeedProject::owner).collect(Collectors.toSet());
        assertEquals(21, owners.size());
        totals.forEach((owner, printed) -> {
            String a2 = ALIASES.getOrDefault(owner, owner);
            assertTrue(owners.contains(a2), owner + " owns projects in 附件2");
            assertEquals(0, sumYi(p -> p.owner().equals(a2)).compareTo(new BigDecimal(printed)), owner);
        });
        assertEquals(new BigDecimal("25"), sumYi(p -> p.owner().equals("中国移动青海公司")));
        assertEquals(
                33,
                SEED.projects().stream().filter(p -> p.owner().equals("西宁市政府")).count());
    }

    @Test
    void everyOwnerCellAgreesAfterRepairsAndEveryDifferenceIsExplained() {
        var result = AttachmentReconciliation.reconcile(SEED.summary(), rows(), ALIASES, SEED.unresolved());
        assertTrue(result.cellsAgree(), "every 附件3 owner cell (after repairs) equals the 附件2 rows");
        Map<String, String> kinds = new TreeMap<>();
        for (Discrepancy d : result.discrepancies()) {
            kinds.put(d.getOwner() + "/" + d.getColumn(), d.getKind() + d.getRepairsList() + d.getUnresolvedList());
        }
        assertEquals(
                new TreeMap<>(Map.of(
                        "青海湖旅游集团公司/数字民生", "REPAIRED[R20][]",
                        "青海湖旅游集团公司/数字城镇", "REPAIRED[R21][]",
                        "青海湖旅游集团公司/数字青海建设工程小计", "REPAIRED[R22][]",
                        "省卫生计生委/数字政务", "REPAIRED[R19][]",
                        "省卫生计生委/数字民生", "REPAIRED[R19][]",
                        "西宁海关/数字青海建设工程小计", "REPAIRED[R23][]",
                        "全省/数字城镇", "ROUNDED[][U1]",
                        "全省/合计", "ROUNDED[][U2]")),
                kinds);
    }

    @Test
    void aWrongRowWouldBeCaught() {
        // The checks above are only worth something if they fail on a bad row: move 0.0001 亿元 between owners.
        List<ProjectRow> tampered = new java.util.ArrayList<>(rows());
        ProjectRow r = tampered.get(0);
        tampered.set(
                0,
                new ProjectRow(
                        r.id(),
                        r.programme(),
                        r.category(),
                        r.seq(),
                        r.name(),
                        "西宁市政府",
                        r.plannedYi(),
                        r.plannedYuan(),
                        r.repairs()));
        var result = AttachmentReconciliation.reconcile(SEED.summary(), tampered, ALIASES, SEED.unresolved());
        assertFalse(result.cellsAgree());
        assertTrue(result.discrepancies().stream()
                .anyMatch(d -> d.getKind().equals("MISMATCH")
                        && d.getOwner().equals("西宁市政府")
                        && d.getColumn().equals("光网推进")));
    }

    @Test
    void repairsAndUnresolvedItemsAreListedAndReferencedIdsExist() {
        assertEquals(23, SEED.repairs().size());
        assertEquals(7, SEED.unresolved().size());
        Set<String> ids = SEED.repairs().stream().map(SeedNote::id).collect(Collectors.toSet());
        SEED.projects().forEach(p -> assertTrue(ids.containsAll(p.repairs()), p.name() + " " + p.repairs()));
        SEED.summary().forEach(c -> assertTrue(ids.containsAll(c.repairs()), c.owner() + " " + c.repairs()));
        SEED.repairs().forEach(r -> assertFalse(r.why().isBlank(), r.id() + " has evidence"));
        assertEquals(
                16,
                SEED.projects().stream()
                        .filter(p -> p.category().equals("数字产业") && p.repairs().size() == 1)
                        .count(),
                "R3–R18 repaired the 16 数字产业 categories");
        SeedProject port = SEED.projects().stream()
                .filter(p -> p.category().equals("高原信息港") && p.seq() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("R1", "R2"), port.repairs());
        assertEquals("中国移动青海公司", port.owner());
        assertEquals("3", port.plannedYi());
    }

    @Test
    void consumptionTargetTreeAddsUp() {
        ConsumptionTarget root = SEED.consumption();
        assertEquals("300", root.target2017());
        assertEquals(
                List.of("60", "60", "160", "20"),
                root.children().stream().map(ConsumptionTarget::target2017).toList(),
                "实施方案 一(四)");
        assertEquals(12, root.flatten().size());
        for (ConsumptionTarget node : root.flatten()) {
            assertTrue(node.addsUp(), node.id() + " children " + node.childrenSum() + " vs " + node.target2017());
        }
        assertEquals(new BigDecimal("20"), root.children().get(3).childrenSum());
    }

    @Test
    void indicatorsOfAttachment4() {
        assertEquals(17, SEED.indicators().size());
        Map<String, SeedIndicator> byId =
                SEED.indicators().stream().collect(Collectors.toMap(SeedIndicator::id, i -> i));
        assertEquals(
                Set.of("万户", "%", "Mbps", "Gbps", "亿元"),
                SEED.indicators().stream().map(SeedIndicator::unit).collect(Collectors.toSet()));
        // 城镇 + 农村 = 固定宽带接入用户, both years.
        for (boolean y2016 : new boolean[] {true, false}) {
            java.util.function.Function<SeedIndicator, BigDecimal> v =
                    i -> new BigDecimal(y2016 ? i.value2016() : i.target2017());
            assertEquals(
                    0, v.apply(byId.get("1.2")).add(v.apply(byId.get("1.4"))).compareTo(v.apply(byId.get("1"))));
        }
        assertEquals("51.60", byId.get("2.1").value2016(), "printed zero kept");
        assertEquals("110", byId.get("1").target2017(), "实施方案 一(二): 达到110万户");
    }
}
