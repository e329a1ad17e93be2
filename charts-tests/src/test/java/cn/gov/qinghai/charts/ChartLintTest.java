package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(Repo.CHART).lint().strict().call();
        assertFalse(result.isFailed(), "helm lint --strict:\n" + String.join("\n", result.getMessages()));
    }
}
