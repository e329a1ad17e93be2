package cn.gov.qinghai.healthdata.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * WHO ATC level-5 names (the substance, in English as the WHO index gives it) for the codes this platform sees
 * most, from {@code fhir/atc-names.tsv}. A code not listed keeps its ATC code without a display: a wrong or
 * product name is never put where the ATC name belongs (the product name goes to {@code text}).
 */
public final class AtcNames {
    private static final Map<String, String> NAMES = load();

    private AtcNames() {
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AtcNames.class.getResourceAsStream("/fhir/atc-names.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    names.put(parts[0].trim(), parts[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
