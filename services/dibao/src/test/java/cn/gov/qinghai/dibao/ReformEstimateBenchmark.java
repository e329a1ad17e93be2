package cn.gov.qinghai.dibao;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.service.DibaoReforms;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc;
import cn.gov.qinghai.dibao.v1.EstimateBenefitRequest;
import cn.gov.qinghai.dibao.v1.EstimateMember;
import cn.gov.qinghai.dibao.v1.Income;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reform estimate against a baseline estimate (issue 24 target: under 2×), not run by default:
 * {@code ./mvnw -B -pl services/dibao -am verify -Dtest=ReformEstimateBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Measures the calculation in process (the service bean) and a call over
 * real gRPC; prints medians and p95 and the ratio; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReformEstimateBenchmark {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    private static final int WARMUP = 20_000;
    private static final int RUNS = 50_000;

    @Test
    void reformEstimateAgainstBaseline() {
        EstimateBenefitRequest baseline = EstimateBenefitRequest.newBuilder()
                .setYear(2018)
                .setSingleParent(true)
                .addMembers(EstimateMember.newBuilder()
                        .setAge(40)
                        .addIncomes(Income.newBuilder().setType("WAGE").setAnnualAmount("3000")))
                .addMembers(EstimateMember.newBuilder().setAge(70))
                .addMembers(EstimateMember.newBuilder().setAge(8).setDisabilityGrade(1))
                .build();
        EstimateBenefitRequest reform = baseline.toBuilder()
                .setReform(Reform.newBuilder()
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.provincial_floor")
                                .setValue("4200")
                                .setFrom("2018-01-01"))
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("dibao.classified_allowance")
                                .setValue("{\"monthlyAmount\":\"25\"}")))
                .build();
        DibaoReforms inProcess = SERVICE.service().context().getBean(DibaoReforms.class);
        report("in process", r -> inProcess.estimate(r), baseline, reform, RUNS);
        var stub = DibaoServiceGrpc.newBlockingStub(SERVICE.service().channel());
        report("over gRPC", r -> stub.estimateBenefit(r), baseline, reform, RUNS / 5);
    }

    private static void report(
            String how,
            Consumer<EstimateBenefitRequest> call,
            EstimateBenefitRequest baseline,
            EstimateBenefitRequest reform,
            int runs) {
        for (int i = 0; i < WARMUP / (how.equals("in process") ? 1 : 5); i++) {
            call.accept(baseline);
            call.accept(reform);
        }
        long[] base = new long[runs];
        long[] what = new long[runs];
        for (int i = 0; i < runs; i++) { // interleaved, so both see the same machine state
            long t0 = System.nanoTime();
            call.accept(baseline);
            long t1 = System.nanoTime();
            call.accept(reform);
            long t2 = System.nanoTime();
            base[i] = t1 - t0;
            what[i] = t2 - t1;
        }
        Arrays.sort(base);
        Arrays.sort(what);
        double b50 = base[runs / 2] / 1e3;
        double r50 = what[runs / 2] / 1e3;
        System.out.printf(
                "%s, %d runs each: baseline median %.1f µs p95 %.1f µs; reform (2 overrides) median %.1f µs "
                        + "p95 %.1f µs; reform/baseline median ratio %.2f%n",
                how, runs, b50, base[runs * 95 / 100] / 1e3, r50, what[runs * 95 / 100] / 1e3, r50 / b50);
    }
}
