package cn.gov.qinghai.charts;

import java.util.List;
import java.util.stream.Stream;

/** The values every chart check runs under: what operators install with, each a file in the repository. */
final class ValuesMatrix {

    private ValuesMatrix() {}

    static Stream<List<String>> files() {
        return Stream.of(
                List.of(),
                List.of("charts/kind/values.yaml"),
                List.of("charts/platform/ci/external-db-values.yaml"),
                List.of("charts/platform/ci/no-network-policies-values.yaml"),
                List.of("charts/platform/ci/scaled-values.yaml"),
                List.of("charts/platform/ci/cloudnative-pg-values.yaml"));
    }
}
