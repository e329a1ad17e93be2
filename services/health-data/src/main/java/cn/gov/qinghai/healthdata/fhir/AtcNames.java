package cn.gov.qinghai.healthdata.fhir;

import java.util.Map;
import java.util.Optional;

/**
 * WHO ATC level-5 names (the substance, in English as the WHO index gives it) for the codes this platform sees
 * most, from {@code fhir/atc-names.tsv}. A code not listed keeps its ATC code without a display: a wrong or
 * product name is never put where the ATC name belongs (the product name goes to {@code text}).
 */
public final class AtcNames {
    private static final Map<String, String> NAMES = Tsv.load("/fhir/atc-names.tsv");

    private AtcNames() {}

    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }
}
