package cn.gov.qinghai.kit.params;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a reform is in force: while a calculation runs inside {@link #run}, every lookup of an overridden parameter
 * ({@link PolicyParameter#at}, {@link PolicyParameter#entryAt}) answers from the reform's layered copy instead of the
 * law, on this thread only. So every calculator, however its rules hold their parameters, gets reforms the same way
 * with no code of its own; nothing shared is changed and the law is back when the call returns.
 */
public final class ReformScope {

    private static final ThreadLocal<Map<String, PolicyParameter>> ACTIVE = new ThreadLocal<>();

    private ReformScope() {}

    /** Runs {@code calculation} with {@code replacements} (by parameter id) in force on this thread. */
    public static <T> T run(Map<String, PolicyParameter> replacements, Supplier<T> calculation) {
        Map<String, PolicyParameter> outer = ACTIVE.get();
        ACTIVE.set(Map.copyOf(replacements));
        try {
            return calculation.get();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(outer);
            }
        }
    }

    /** The reform's copy of the parameter {@code id} when a reform overriding it is in force here, else null. */
    static PolicyParameter replacement(String id) {
        Map<String, PolicyParameter> active = ACTIVE.get();
        return active == null ? null : active.get(id);
    }
}
