package cn.gov.qinghai.demodata;

import cn.gov.qinghai.enterprisecost.v1.Application;
import cn.gov.qinghai.enterprisecost.v1.ApplicationKind;
import cn.gov.qinghai.enterprisecost.v1.ApplicationStatus;
import cn.gov.qinghai.enterprisecost.v1.DecideApplicationRequest;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub;
import cn.gov.qinghai.enterprisecost.v1.ListApplicationsRequest;
import cn.gov.qinghai.enterprisecost.v1.StartReviewRequest;
import cn.gov.qinghai.enterprisecost.v1.SubmitApplicationRequest;
import cn.gov.qinghai.kit.identity.CreditCode;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Stable-job subsidy applications (稳岗补贴, 43号 十三) of made-up Xining enterprises, as the department client
 * {@code enterprise-demo} submits them, with Xining's reviewer taking most into review and deciding some: the
 * reviewers' queues and the overdue list have content.
 */
final class EnterpriseCostDemo implements DemoDomain {

    static final String APPLICANT = "enterprise-demo";
    static final String REVIEWER = "enterprise-cost-reviewer-xining";
    static final int APPLICATIONS = 24;
    private static final String[] TRADES = {"制造", "商贸", "建材", "食品", "物流", "软件"};

    private final Connections connections;
    private final Random random;

    EnterpriseCostDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0xEC057L);
    }

    @Override
    public String service() {
        return "enterprise-cost";
    }

    private EnterpriseCostServiceBlockingStub stub(String client) {
        return EnterpriseCostServiceGrpc.newBlockingStub(connections.channel(service()))
                .withCallCredentials(connections.as(client))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public boolean loaded() {
        return stub(APPLICANT)
                .listApplications(
                        ListApplicationsRequest.newBuilder().setPageSize(1000).build())
                .getApplicationsList()
                .stream()
                .anyMatch(a -> a.getRequestId().equals(REQUEST_PREFIX + "ec-" + APPLICATIONS));
    }

    @Override
    public int load() {
        int sent = 0;
        for (int i = 1; i <= APPLICATIONS; i++) {
            Counties.County county = Counties.ALL.get(random.nextInt(7)); // Xining's districts and counties
            String first17 = "91" + county.code() + String.format("MA%06dD", i);
            String code = first17 + CreditCode.checkCharacter(first17);
            long paid = 20_000L + random.nextInt(180) * 1_000L;
            Application a = stub(APPLICANT)
                    .submitApplication(SubmitApplicationRequest.newBuilder()
                            .setRequestId(REQUEST_PREFIX + "ec-" + i)
                            .setKind(ApplicationKind.STABLE_JOB)
                            .setEnterpriseCreditCode(code)
                            .setApplicantName("青海示例" + TRADES[i % TRADES.length] + "有限公司" + i + "（示例数据）")
                            .setRegion(county.code())
                            .putAllInputs(Map.of(
                                    "lastYearUnemploymentInsurancePaid",
                                    String.valueOf(paid),
                                    "paidInFull",
                                    "true",
                                    "laidOffNoneOrFew",
                                    "true"))
                            .build());
            sent++;
            int fate = i % 4; // 0: waiting, 1: under review, 2 and 3: decided
            if (fate == 0) {
                continue;
            }
            if (a.getStatus() == ApplicationStatus.SUBMITTED) {
                a = stub(REVIEWER)
                        .startReview(StartReviewRequest.newBuilder()
                                .setId(a.getId())
                                .setVersion(a.getVersion())
                                .build());
                sent++;
            }
            if (fate >= 2 && a.getStatus() == ApplicationStatus.UNDER_REVIEW) {
                boolean approve = fate == 2 || random.nextInt(3) > 0;
                DecideApplicationRequest.Builder d = DecideApplicationRequest.newBuilder()
                        .setId(a.getId())
                        .setVersion(a.getVersion())
                        .setApprove(approve);
                if (approve) {
                    d.setApprovedAmount(a.getClaimedAmount());
                } else {
                    d.setNote("上年度裁员率高于统筹地区城镇登记失业率（示例数据）");
                }
                stub(REVIEWER).decideApplication(d.build());
                sent++;
            }
        }
        return sent;
    }
}
