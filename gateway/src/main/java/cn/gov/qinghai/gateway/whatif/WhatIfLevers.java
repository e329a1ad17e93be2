package cn.gov.qinghai.gateway.whatif;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The policy figures the "what if" panel may change, in plain words ({@code portal/what-if.yaml}). A calculator's
 * panel offers those its own answer used, found by the parameter ids in its working: nothing here names a calculator.
 */
@Singleton
public class WhatIfLevers {

    /** One figure: a parameter id, optionally one field of its structured value, how it is typed, its label. */
    public record Lever(String id, String field, String kind, String zh, String en) {

        /** The value of the panel's choice list: {@code id} or {@code id#field}. */
        public String key() {
            return field.isEmpty() ? id : id + "#" + field;
        }

        public String label(boolean english) {
            return english ? en : zh;
        }

        public boolean percent() {
            return "percent".equals(kind);
        }
    }

    private final List<Lever> levers;

    public WhatIfLevers() {
        try (InputStream in = WhatIfLevers.class.getResourceAsStream("/portal/what-if.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portal/what-if.yaml is missing from the gateway's resources");
            }
            List<Map<String, Object>> raw = new Yaml().load(in);
            List<Lever> all = new ArrayList<>();
            for (Map<String, Object> m : raw) {
                all.add(new Lever(text(m, "id"), text(m, "field"), text(m, "kind"), text(m, "zh"), text(m, "en")));
            }
            this.levers = List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The levers on parameters among {@code usedIds}, in the file's order. */
    public List<Lever> offered(Collection<String> usedIds) {
        return levers.stream().filter(l -> usedIds.contains(l.id())).toList();
    }

    public Optional<Lever> find(String key) {
        return levers.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }
}
