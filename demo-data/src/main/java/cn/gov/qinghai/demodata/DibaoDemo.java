package cn.gov.qinghai.demodata;

import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.ExitReason;
import cn.gov.qinghai.dibao.v1.GetCrossMatchReportRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.dibao.v1.ListCasesRequest;
import cn.gov.qinghai.dibao.v1.Member;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.PovertyRosterChunk;
import cn.gov.qinghai.dibao.v1.PovertyRosterImport;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.dibao.v1.SubmitApplicationRequest;
import cn.gov.qinghai.dibao.v1.WorkAbility;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Dibao households of every county, entered as paper files through the whole workflow (申请 → 审核 → 核对 → 审批),
 * each step on the day it was taken in 2017 ({@code appliedOn} / {@code decidedOn} / {@code exitedOn}), so that the published recipient
 * lists and payment rosters of 2017 months have content; a few cases stay pending or are rejected. Then the poverty
 * office's 建档立卡 roster, which overlaps the approved heads in part, so the cross-match has all three categories.
 */
final class DibaoDemo implements DemoDomain {

    static final String DEPARTMENT = "demo-data-dibao";
    static final String POVERTY_OFFICE = "poverty-office-province";
    /** Households per county: 43 × 6 = 258 cases, about two thirds approved. */
    private static final int HOUSEHOLDS_PER_COUNTY = 6;

    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 6, 16);
    /** The demonstration year ends: no step is dated later. */
    private static final LocalDate LAST_DAY = LocalDate.of(2017, 12, 29);

    private static final List<String> TOWNSHIPS = List.of("城关镇", "东川镇", "西河乡", "南滩乡", "北山乡");

    private final Connections connections;
    private final Random random;
    private final People people;
    private final StringBuilder registry = new StringBuilder("id_number,name,county\n");

    DibaoDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0xD1BA0L);
        this.people = new People(random);
    }

    @Override
    public String service() {
        return "dibao";
    }

    private DibaoServiceBlockingStub stub(String client) {
        return DibaoServiceGrpc.newBlockingStub(connections.channel(service()))
                .withCallCredentials(connections.as(client))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public boolean loaded() {
        String last = Counties.ALL.get(Counties.ALL.size() - 1).code();
        boolean cases = stub(DEPARTMENT)
                .listCases(ListCasesRequest.newBuilder()
                        .setCounty(last)
                        .setPageSize(1000)
                        .build())
                .getCasesList()
                .stream()
                .anyMatch(c -> c.getRequestId().startsWith(REQUEST_PREFIX));
        return cases
                && !stub(POVERTY_OFFICE)
                        .getCrossMatchReport(GetCrossMatchReportRequest.newBuilder()
                                .setRegion("630000")
                                .setSampleSize(0)
                                .build())
                        .getImportId()
                        .isBlank();
    }

    @Override
    public int load() throws InterruptedException {
        int sent = 0;
        int n = 0;
        for (Counties.County county : Counties.ALL) {
            for (int i = 0; i < HOUSEHOLDS_PER_COUNTY; i++, n++) {
                sent += household(county, n, i);
            }
            // people on the poverty registry who are not dibao recipients
            for (int i = 0; i < 3; i++) {
                registry.append(people.newId(county.code(), 20 + random.nextInt(50), random.nextBoolean()))
                        .append(',')
                        .append(people.name())
                        .append(',')
                        .append(county.code())
                        .append('\n');
            }
        }
        importRegistry();
        return sent + 1;
    }

    /** One household through as many steps as its fate (drawn from the seed) takes it. */
    private int household(Counties.County county, int n, int indexInCounty) {
        Household h = household(county);
        // each county's first household is approved in June 2017, the month 86号 takes effect (the page's example)
        boolean june = indexInCounty == 0;
        LocalDate applied = FIRST_DAY.plusDays(june ? random.nextInt(3) : random.nextInt(75));
        int fate = indexInCounty == 5 ? random.nextInt(2) : 2; // 0: pending review, 1: rejected, 2: approved
        String key = REQUEST_PREFIX + "db-" + n;
        Case c = stub(DEPARTMENT)
                .submitApplication(SubmitApplicationRequest.newBuilder()
                        .setRequestId(key)
                        .setHousehold(h)
                        .setAppliedOn(applied.toString())
                        .setNote("示例数据 / demonstration data")
                        .build());
        int sent = 1;
        if (fate == 2 && random.nextInt(3) == 0) {
            // on the poverty registry as well: the cross-match finds them in both
            Member head = h.getMembers(0);
            registry.append(head.getIdNumber())
                    .append(',')
                    .append(head.getName())
                    .append(',')
                    .append(county.code())
                    .append('\n');
        }
        LocalDate reviewed = applied.plusDays(june ? 1 + random.nextInt(2) : 3 + random.nextInt(7));
        LocalDate verified = reviewed.plusDays(june ? 1 + random.nextInt(2) : 3 + random.nextInt(7));
        LocalDate approved = verified.plusDays(june ? 1 + random.nextInt(2) : 2 + random.nextInt(6));
        if (fate == 0) {
            return sent;
        }
        if (c.getStatus() == CaseStatus.SUBMITTED) {
            c = decide(
                    c,
                    Stage.TOWNSHIP_REVIEW,
                    fate == 1 ? Outcome.REJECT : Outcome.PASS,
                    reviewed,
                    fate == 1 ? "入户调查：家庭收入高于当地低保标准（示例数据）" : "入户调查属实");
            sent++;
        }
        if (c.getStatus() == CaseStatus.TOWNSHIP_REVIEWED) {
            c = decide(c, Stage.VERIFICATION, Outcome.PASS, verified, "");
            sent++;
        }
        if (c.getStatus() == CaseStatus.VERIFIED) {
            c = decide(c, Stage.COUNTY_APPROVAL, Outcome.PASS, approved, "同意");
            sent++;
        }
        if (c.getStatus() == CaseStatus.APPROVED && indexInCounty == 4) {
            // one household per county leaves the guarantee later in 2017, on the day the county decided it
            LocalDate exited = approved.plusDays(45 + random.nextInt(60));
            if (exited.isAfter(LAST_DAY)) {
                exited = LAST_DAY;
            }
            stub(DEPARTMENT)
                    .exitCase(ExitCaseRequest.newBuilder()
                            .setCaseId(c.getId())
                            .setReason(ExitReason.OUT_OF_POVERTY)
                            .setExpectedVersion(c.getVersion())
                            .setExitedOn(exited.toString())
                            .setNote("家庭收入已超过当地低保标准（示例数据）")
                            .build());
            sent++;
        }
        return sent;
    }

    private Case decide(Case c, Stage stage, Outcome outcome, LocalDate on, String note) {
        return stub(DEPARTMENT)
                .decideCase(DecideCaseRequest.newBuilder()
                        .setCaseId(c.getId())
                        .setStage(stage)
                        .setOutcome(outcome)
                        .setExpectedVersion(c.getVersion())
                        .setDecidedOn(on.toString())
                        .setNote(note)
                        .build());
    }

    /** 1–4 members, counted income well below the 2017 floor of 3532 per person and year. */
    private Household household(Counties.County county) {
        int size = 1 + random.nextInt(4);
        Household.Builder h = Household.newBuilder()
                .setCounty(county.code())
                .setTownship(TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())))
                .setAddress(county.name() + (1 + random.nextInt(12)) + "村（示例数据）")
                .setPropertyNote("住房一处，无车辆（示例数据）");
        int headAge = 35 + random.nextInt(40);
        for (int i = 0; i < size; i++) {
            boolean head = i == 0;
            int age = head ? headAge : i == 1 ? headAge - random.nextInt(5) : 3 + random.nextInt(14);
            WorkAbility ability = age >= 65 || random.nextInt(4) == 0
                    ? WorkAbility.COMPLETELY_LOST
                    : random.nextInt(3) == 0 ? WorkAbility.PARTLY_LOST : WorkAbility.FULL;
            Member.Builder m = Member.newBuilder()
                    .setName(people.name())
                    .setIdNumber(people.newId(county.code(), age, i % 2 == 0))
                    .setRelation(head ? "本人" : i == 1 ? "配偶" : "子女")
                    .setWorkAbility(ability);
            if (random.nextInt(6) == 0) {
                m.setDisabilityGrade(2 + random.nextInt(3));
            }
            if (head || (i == 1 && ability != WorkAbility.COMPLETELY_LOST)) {
                m.addIncomes(Income.newBuilder()
                        .setType(random.nextBoolean() ? "AGRICULTURE" : "WAGE")
                        .setAnnualAmount(String.valueOf((400 + random.nextInt(1600)) * size / (head ? 1 : 2))));
            }
            h.addMembers(m);
        }
        return h.build();
    }

    private void importRegistry() throws InterruptedException {
        PovertyRosterImport result = ClientStream.call(
                answer -> DibaoServiceGrpc.newStub(connections.channel(service()))
                        .withCallCredentials(connections.as(POVERTY_OFFICE))
                        .withDeadlineAfter(60, TimeUnit.SECONDS)
                        .importPovertyRoster(answer),
                List.of(PovertyRosterChunk.newBuilder()
                        .setData(ByteString.copyFrom(registry.toString(), StandardCharsets.UTF_8))
                        .build()),
                60,
                "poverty roster import");
        if (result == null || result.getRejected() > 0) {
            throw new IllegalStateException("poverty roster import: " + result);
        }
    }
}
