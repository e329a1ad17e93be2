package cn.gov.qinghai.kit.auth;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys of identity providers running inside this JVM: the local provider the launcher starts and the one
 * the test harness starts. {@link TokenMinter} signs with them, so a test can ask for any roles, region or expiry
 * and the services still verify the token against the provider's published JWKS. A deployed service never
 * registers a key here (it only ever holds the issuer's public keys).
 */
public final class LocalSigningKeys {

    /** A local provider: its issuer URL, the audience its tokens carry and its private signing key. */
    public record Provider(String issuer, String audience, RSAKey key) {}

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();
    private static final String TEST_ISSUER = "cn.gov.qinghai.kit.testing.TestIssuer";

    private LocalSigningKeys() {}

    public static void register(String issuer, String audience, RSAKey key) {
        PROVIDERS.put(issuer, new Provider(issuer, audience, key));
    }

    public static void unregister(String issuer) {
        PROVIDERS.remove(issuer);
    }

    /**
     * The provider with this issuer URL. Where {@code name} is no registered issuer (tests written when tokens were
     * signed with a shared secret pass that secret here), the one local provider of this JVM, starting the test
     * harness's provider when the kit test-jar is on the classpath.
     */
    static Provider find(String name) {
        Provider exact = PROVIDERS.get(name);
        if (exact != null) {
            return exact;
        }
        if (PROVIDERS.isEmpty()) {
            startTestIssuer();
        }
        if (PROVIDERS.size() == 1) {
            return PROVIDERS.values().iterator().next();
        }
        throw new IllegalStateException(
                "no local identity provider " + name + " in this JVM (known: " + PROVIDERS.keySet() + ")");
    }

    private static void startTestIssuer() {
        try {
            Class.forName(TEST_ISSUER).getMethod("issuer").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "no local identity provider runs in this JVM: start one (launcher, or " + TEST_ISSUER
                            + " from the kit test-jar) before minting tokens",
                    e);
        }
    }
}
