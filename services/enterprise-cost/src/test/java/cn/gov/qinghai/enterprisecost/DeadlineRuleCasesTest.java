package cn.gov.qinghai.enterprisecost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.enterprisecost.v1.ComputeDeadlineRequest;
import cn.gov.qinghai.enterprisecost.v1.Deadline;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Due dates on the 2017 holiday calendar ({@code rules/deadlines.yaml}), over real gRPC. */
class DeadlineRuleCasesTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    static Stream<Arguments> cases() {
        return RuleCases.load("rules/deadlines.yaml");
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void deadline(Map<String, Object> c) {
        ComputeDeadlineRequest.Builder request =
                ComputeDeadlineRequest.newBuilder().setReceivedOn((String) c.get("receivedOn"));
        if (c.containsKey("workingDays")) {
            request.setWorkingDays((Integer) c.get("workingDays"));
        }
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        Deadline due = EnterpriseCostTestSupport.stub().computeDeadline(request.build());
        assertEquals(expect.get("dueOn"), due.getDueOn());
        assertEquals(c.containsKey("workingDays") ? c.get("workingDays") : 15, due.getWorkingDays());
        assertEquals(expect.getOrDefault("provisional", false), due.getProvisional());
        assertEquals(
                due.getProvisional(), !due.getExplanation().getCaveatsList().isEmpty());
        assertEquals(expect.getOrDefault("skipped", List.of()), due.getHolidaysSkippedList());
        assertEquals(expect.getOrDefault("adjusted", List.of()), due.getAdjustedWorkdaysCountedList());
    }
}
