package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks can fail: a mistake an operator or a developer could make is caught by the matching check. */
class ChecksCatchMistakesTest {

    @Test
    void anEnvironmentVariableNoApplicationReadsIsCaught() {
        Rendered r = Rendered.render(List.of(), Map.of("services.wage.env.WAGE_STANDARDS_CACHE_TTLS", "5s"));
        AssertionError e = assertThrows(AssertionError.class, () -> RenderedChartTest.checkEnvironment(r));
        assertTrue(e.getMessage().contains("WAGE_STANDARDS_CACHE_TTLS"), e.getMessage());
    }

    @Test
    void aMisspelledFieldIsFoundInAdditionalProperties() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var pod = yaml.readValue("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: x
                      readinesProbe: {grpc: {port: 1}}
                """, io.fabric8.kubernetes.api.model.KubernetesResource.class);
        List<String> unknown = UnknownFields.of(pod);
        assertTrue(unknown.size() == 1 && unknown.get(0).contains("readinesProbe"), unknown.toString());
    }
}
